"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";

type Props = Readonly<{ open: boolean; title: string; onClose: () => void; children: ReactNode }>;

/**
 * A native modal <dialog>: the browser traps focus, closes on Escape and gives focus back to the
 * button that opened it. The content is mounted only while open, so a form starts afresh each time.
 */
export function Modal({ open, title, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      style={{
        width: "min(720px, calc(100vw - 2rem))",
        maxHeight: "calc(100vh - 2rem)",
        border: "1px solid var(--line)",
        borderRadius: "var(--radius)",
        padding: "1.5rem",
      }}
    >
      {open ? (
        <>
          <h2 id={titleId}>{title}</h2>
          {children}
        </>
      ) : null}
    </dialog>
  );
}
