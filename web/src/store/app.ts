import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { currentLocale, setLocale, type AppLocale } from '@/locales';

const COLLAPSE_KEY = 'wagelink.sidebarCollapsed';

function readCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSE_KEY) === '1';
  } catch {
    return false;
  }
}

/** UI preferences that outlive a page: language and sidebar state. */
export const useAppStore = defineStore('app', () => {
  // Follows the i18n module: it changes only once the chosen language's texts are loaded.
  const locale = ref<AppLocale>(currentLocale());
  const sidebarCollapsed = ref(readCollapsed());

  async function switchLocale(next: AppLocale): Promise<void> {
    await setLocale(next);
    locale.value = currentLocale();
  }
  watch(sidebarCollapsed, (next) => {
    try {
      localStorage.setItem(COLLAPSE_KEY, next ? '1' : '0');
    } catch {
      // preference not persisted
    }
  });

  function toggleSidebar(): void {
    sidebarCollapsed.value = !sidebarCollapsed.value;
  }

  return { locale, sidebarCollapsed, switchLocale, toggleSidebar };
});
