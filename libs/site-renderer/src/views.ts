// What the templates receive: every value is plain text (escaped by the template) or a URL already checked
// by safe-url. Templates never see an entity body, so they cannot forget a check.

export interface LinkView {
  href: string;
  label: string;
}

export interface FieldView {
  id: string;
  name: string;
  label: string;
  type: 'text' | 'email' | 'tel' | 'number' | 'textarea' | 'checkbox' | 'select';
  required: boolean;
  placeholder: string;
  options: string[];
}

export interface FormView {
  key: string;
  title: string;
  action: string;
  fields: FieldView[];
  submitLabel: string;
  honeypotId: string;
  honeypotName: string;
}

export type BlockView =
  | { kind: 'heading'; id: string; level: number; text: string }
  | { kind: 'text'; id: string; paragraphs: string[][] }
  | { kind: 'image'; id: string; src: string; alt: string }
  | { kind: 'form'; id: string; form: FormView }
  | { kind: 'html'; id: string; html: string }
  | { kind: 'link'; id: string; link: LinkView; button: boolean }
  | { kind: 'navbar'; id: string; brand: LinkView; links: LinkView[] }
  | { kind: 'hero'; id: string; title: string; subtitle: string; image: { src: string; alt: string } | null }
  | { kind: 'component'; id: string; name: string; text: string }
  | { kind: 'other'; id: string; type: string };

export interface PopupView {
  key: string;
  title: string;
  paragraphs: string[][];
  trigger: string;
  delaySeconds: number;
  scrollPercent: number;
  form: FormView | null;
}

export interface DocumentView {
  lang: string;
  title: string;
  description: string;
  canonical: string | null;
  noindex: boolean;
  meta: { property: string; content: string }[];
  css: string;
  /** Scripts of the consent category "necessary": they run without asking. */
  scripts: string[];
  /** Every other consent rule's scripts: inert until the visitor accepts. */
  gatedScripts: { src: string; category: string }[];
  banner: string | null;
  /** The banner's approval form (a client's staging page or post only). */
  approval: { fingerprint: string; action: string } | null;
  header: BlockView[];
  footer: BlockView[];
  content: string;
  popups: PopupView[];
  consent: { texts: string[] } | null;
  configJson: string;
  clientScript: string;
  bodyClass: string;
}
