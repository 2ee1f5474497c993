import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../components/Loading';

type BeheerModule = Record<string, unknown>;

// The Beheer feature is built separately; glob import keeps the build working while it is absent.
const candidates = import.meta.glob<BeheerModule>('../features/beheer/index.ts');
const loadBeheer = Object.values(candidates)[0];

/** The default export, else a named one such as `BeheerApp`, else the first exported component. */
function pickComponent(module: BeheerModule): ComponentType | undefined {
  const preferred = ['default', 'Beheer', 'BeheerApp', 'BeheerArea', 'BeheerRoutes', 'BeheerPage'];
  for (const name of preferred) {
    if (typeof module[name] === 'function') return module[name] as ComponentType;
  }
  const first = Object.entries(module).find(
    ([name, value]) => typeof value === 'function' && /^[A-Z]/.test(name),
  );
  return first?.[1] as ComponentType | undefined;
}

const BeheerArea = loadBeheer
  ? lazy(async () => {
      const component = pickComponent(await loadBeheer());
      return { default: component ?? BeheerPlaceholder };
    })
  : null;

export function BeheerMount() {
  if (!BeheerArea) return <BeheerPlaceholder />;
  return (
    <Suspense fallback={<Loading label="Beheer laden…" />}>
      <BeheerArea />
    </Suspense>
  );
}

function BeheerPlaceholder() {
  return (
    <section className="page">
      <h1 className="utrecht-heading-1">Beheer</h1>
      <p className="utrecht-paragraph">
        Het beheer van zaaktypen en processen komt hier binnenkort.
      </p>
    </section>
  );
}
