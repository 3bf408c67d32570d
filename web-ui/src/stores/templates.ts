import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, call } from '@/api/client';
import type { Template } from '@/api/types';

/** The templates the caller may use: the system ones and their own. */
export const useTemplateStore = defineStore('templates', () => {
  const templates = ref<Template[]>([]);
  const loaded = ref(false);
  const byId = computed(() => new Map(templates.value.map((template) => [template.id ?? '', template])));

  async function load(): Promise<void> {
    const all: Template[] = [];
    for (let page = 1; ; page++) {
      const slice = await call(api.GET('/api/templates', { params: { query: { page, size: 100 } } }));
      all.push(...(slice.items ?? []));
      if (page >= (slice.pages ?? 1)) break;
    }
    templates.value = all;
    loaded.value = true;
  }

  async function ensureLoaded(): Promise<void> {
    if (!loaded.value) await load();
  }

  /** Field names of a template in their order. */
  function fieldNames(templateId: string | undefined): string[] {
    const template = templateId ? byId.value.get(templateId) : undefined;
    return [...(template?.fields ?? [])]
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
      .map((field) => field.name);
  }

  return { templates, byId, loaded, load, ensureLoaded, fieldNames };
});
