import type { ElementTemplate } from './elementTemplates';

interface DiagramElement {
  id: string;
  type: string;
  businessObject: { $type: string };
}

interface PopupMenu {
  registerProvider(id: string, provider: unknown): void;
  open(
    target: DiagramElement,
    providerId: string,
    position: { x: number; y: number; cursor?: { x: number; y: number } },
  ): void;
}

interface ElementTemplatesService {
  getAll(): ElementTemplate[];
  applyTemplate(element: DiagramElement, template: ElementTemplate): DiagramElement;
}

interface Services {
  popupMenu: PopupMenu;
  elementTemplates: ElementTemplatesService;
  eventBus: { on(event: string, callback: (event: { element: DiagramElement }) => void): void };
  canvas: { getGraphics(element: DiagramElement): SVGElement };
}

const TASK_TYPES = new Set([
  'bpmn:Task',
  'bpmn:ServiceTask',
  'bpmn:SendTask',
  'bpmn:ScriptTask',
  'bpmn:BusinessRuleTask',
  'bpmn:UserTask',
  'bpmn:ManualTask',
  'bpmn:ReceiveTask',
]);

const MENU = 'zaakstroom-templates';

function entriesFor(services: Services, target: DiagramElement) {
  if (!TASK_TYPES.has(target.businessObject.$type)) return {};
  return Object.fromEntries(
    services.elementTemplates.getAll().map((template) => [
      `zaakstroom-template-${template.id}`,
      {
        label: template.name,
        description: template.description,
        group: { id: 'zaakstroom', name: 'Zaakstroom-standaardtaken' },
        className: 'bpmn-icon-service',
        action: () => services.elementTemplates.applyTemplate(target, template),
      },
    ]),
  );
}

/**
 * Offers the standard worker tasks ("Zet status", "Stuur e-mail", ...) in the wrench (replace) menu
 * of every task, and in a menu of their own when the properties panel asks to select a template.
 */
export function registerTemplatesMenu(services: Services): void {
  const provider = {
    getPopupMenuEntries: (target: DiagramElement) => entriesFor(services, target),
  };
  services.popupMenu.registerProvider('bpmn-replace', provider);
  services.popupMenu.registerProvider(MENU, provider);
  services.eventBus.on('elementTemplates.select', ({ element }) => {
    const box = services.canvas.getGraphics(element).getBoundingClientRect();
    const position = { x: box.left, y: box.bottom + 8 };
    services.popupMenu.open(element, MENU, { ...position, cursor: position });
  });
}
