import { useState } from 'react';
import { ErrorMessage } from './ui';

/** A settings form's save cycle: saving, saved (until the next edit) and the error of the last attempt. */
export function useSettingsForm(save: () => Promise<void>) {
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  return {
    saving,
    saved,
    error,
    /** Call on every edit: "Saved." no longer holds. */
    edited: () => setSaved(false),
    onSubmit: async (event: React.FormEvent) => {
      event.preventDefault();
      setSaving(true);
      setError(undefined);
      try {
        await save();
        setSaved(true);
      } catch (e) {
        setError(e);
      } finally {
        setSaving(false);
      }
    },
  };
}

/** Rows of a settings list, edited in place; every change counts as an edit of the form. */
export function useEditableList<T>(initial: T[], edited: () => void) {
  const [items, setItems] = useState<T[]>(initial);
  return {
    items,
    change: (index: number, patch: Partial<T>) => {
      edited();
      setItems((all) => all.map((item, i) => (i === index ? { ...item, ...patch } : item)));
    },
    add: (item: T) => {
      edited();
      setItems((all) => [...all, item]);
    },
    remove: (index: number) => {
      edited();
      setItems((all) => all.filter((_, i) => i !== index));
    },
  };
}

export function RemoveRowButton({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <button type="button" className="button secondary small" onClick={onClick}>
      Remove<span className="visually-hidden"> {label}</span>
    </button>
  );
}

/** The error, "Saved." and the submit button under a settings form. */
export function SaveFooter({ form, label }: { form: ReturnType<typeof useSettingsForm>; label: string }) {
  return (
    <>
      <ErrorMessage error={form.error} title="Not saved." />
      {form.saved && (
        <p className="notice notice-success" role="status">
          Saved.
        </p>
      )}
      <button type="submit" className="button primary" disabled={form.saving}>
        {form.saving ? 'Saving…' : label}
      </button>
    </>
  );
}
