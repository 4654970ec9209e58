"use client";

import * as RadixToast from "@radix-ui/react-toast";
import { createContext, useCallback, useContext, useState } from "react";
import { alertClass, cx } from "@/components/ui/styles";

export interface ToastMessage {
  title: string;
  description?: string;
  tone?: "ok" | "error" | "info";
}

const ToastContext = createContext<(message: ToastMessage) => void>(() => {});

/** Shows a short confirmation ("Refund sent") that announces itself to screen readers and fades away. */
export function useToast(): (message: ToastMessage) => void {
  return useContext(ToastContext);
}

/** Holds the toasts of every page under it (Radix: swipe or Escape dismisses, F8 focuses the region). */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<(ToastMessage & { id: number })[]>([]);
  const show = useCallback((message: ToastMessage) => {
    setToasts((current) => [...current.slice(-2), { ...message, id: Date.now() + Math.random() }]);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      <RadixToast.Provider duration={6000} label="Notification">
        {children}
        {toasts.map((toast) => (
          <RadixToast.Root
            key={toast.id}
            type={toast.tone === "error" ? "foreground" : "background"}
            onOpenChange={(open) => {
              if (!open) setToasts((current) => current.filter((t) => t.id !== toast.id));
            }}
            className={cx(alertClass(toast.tone ?? "ok"), "flex items-start justify-between gap-3 shadow-lg")}
          >
            <div>
              <RadixToast.Title className="font-semibold">{toast.title}</RadixToast.Title>
              {toast.description ? (
                <RadixToast.Description className="text-sm">{toast.description}</RadixToast.Description>
              ) : null}
            </div>
            <RadixToast.Close aria-label="Dismiss" className="cursor-pointer px-1 text-lg leading-none">
              ×
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className="fixed right-0 bottom-0 z-50 flex w-full max-w-sm flex-col gap-2 p-4 outline-none" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}
