import { defineStore } from 'pinia';
import { ref } from 'vue';
import { bodiesApi, type Body } from '@/api/bodies';
import { t } from '@/locales';

/** The member bodies, loaded once per session, to name a body_code in tables and forms. */
export const useBodiesStore = defineStore('bodies', () => {
  const items = ref<Body[]>([]);
  let loading: Promise<void> | null = null;

  function load(force = false): Promise<void> {
    if (!force && (items.value.length > 0 || loading)) return loading ?? Promise.resolve();
    loading = bodiesApi
      .list()
      .then((answer) => {
        items.value = answer.items;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  /** Name of a body in the given locale; falls back to the built-in names, then to the code. */
  function nameOf(code: string | null | undefined, locale: string): string {
    if (!code) return '—';
    const body = items.value.find((item) => item.code === code);
    if (body) return locale.startsWith('en') ? body.name_en || body.name_zh : body.name_zh;
    const key = `bodies.${code}`;
    const builtIn = t(key);
    return builtIn === key ? code : builtIn;
  }

  function reset(): void {
    items.value = [];
  }

  return { items, load, nameOf, reset };
});
