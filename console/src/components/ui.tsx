import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api';
import { hrefOf, navigate, type Route } from '../router';

/** An in-app link: a real <a href> (open in a new tab works), navigating without a reload on a plain click. */
export function Link({
  to,
  children,
  ...rest
}: {
  to: Route;
  children: ReactNode;
  className?: string;
  'aria-current'?: 'page';
}) {
  return (
    <a
      href={hrefOf(to)}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
      {...rest}
    >
      {children}
    </a>
  );
}

/** An API failure as the API states it: its message, and each field path it names. */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="notice notice-error" role="alert">
      {title && <strong>{title} </strong>}
      {message}
      {apiError && apiError.fieldErrors.length > 0 && (
        <ul className="field-errors">
          {apiError.fieldErrors.map((e, i) => (
            <li key={i}>
              <code>{e.path}</code> {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A modal confirmation on the native <dialog>: it traps focus, closes on Escape and returns focus to the
 * button that opened it. `confirmDisabled` lets a typed confirmation gate the button.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={props.onCancel} onClose={props.onCancel}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!props.confirmDisabled) props.onConfirm();
        }}
      >
        <h2 id={titleId}>{props.title}</h2>
        <div className="dialog-body">{props.children}</div>
        <div className="actions">
          <button type="button" className="button secondary" onClick={props.onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className={`button ${props.danger ? 'danger' : 'primary'}`}
            disabled={props.confirmDisabled}
          >
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** The result of an async load, with a reload; `deps` restart it and ignore an older, slower answer. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, loading: false }),
      (error) => !controller.signal.aborted && setState({ error, loading: false }),
    );
    return () => controller.abort();
  }, [...deps, generation]);
  return { ...state, reload: () => setGeneration((g) => g + 1), set: (data: T) => setState({ data, loading: false }) };
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

/** Copies text, falling back to selecting it when the Clipboard API is not available (plain HTTP). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  return (
    <>
      <button
        type="button"
        className="button secondary small"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setCopied('done');
          } catch {
            setCopied('failed');
          }
        }}
      >
        {label}
      </button>
      <span role="status" className="muted small-text">
        {copied === 'done' ? 'Copied.' : copied === 'failed' ? 'Copy failed: select the link and copy it.' : ''}
      </span>
    </>
  );
}
