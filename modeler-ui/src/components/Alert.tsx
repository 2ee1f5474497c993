import type { ReactNode, Ref } from 'react';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

const roleOf: Record<AlertType, 'alert' | 'status'> = {
  info: 'status',
  ok: 'status',
  warning: 'status',
  error: 'alert',
};

/** A message box; the kind is said in words too ("Fout", "Gelukt"), never by colour alone. */
const prefixOf: Record<AlertType, string> = {
  info: 'Let op',
  ok: 'Gelukt',
  warning: 'Waarschuwing',
  error: 'Fout',
};

interface AlertProps {
  type: AlertType;
  title?: string;
  children: ReactNode;
  ref?: Ref<HTMLDivElement>;
}

export function Alert({ type, title, children, ref }: AlertProps) {
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={roleOf[type]}
      className={`utrecht-alert utrecht-alert--${type} alert`}
    >
      <p className="alert__title">
        <strong>{title ? `${prefixOf[type]}: ${title}` : `${prefixOf[type]}:`}</strong>
      </p>
      <div className="alert__body">{children}</div>
    </div>
  );
}
