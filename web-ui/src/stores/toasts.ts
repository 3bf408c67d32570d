import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface Toast {
  id: number;
  kind: 'success' | 'error' | 'info';
  text: string;
}

/** Short notices after an action; errors stay until dismissed, the rest leave after a few seconds. */
export const useToastStore = defineStore('toasts', () => {
  const toasts = ref<Toast[]>([]);
  let next = 1;

  function show(kind: Toast['kind'], text: string): void {
    const id = next++;
    toasts.value.push({ id, kind, text });
    if (kind !== 'error') setTimeout(() => dismiss(id), 4000);
  }

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((toast) => toast.id !== id);
  }

  return {
    toasts,
    dismiss,
    success: (text: string) => show('success', text),
    error: (text: string) => show('error', text),
    info: (text: string) => show('info', text),
  };
});
