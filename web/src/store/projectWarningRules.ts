import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { projectsApi, type WarningRules } from '@/api/projects';

/** The project warning levels and rules (data/project_warning_rules.json), loaded once per session. */
export const useProjectWarningRulesStore = defineStore('projectWarningRules', () => {
  const levels = shallowRef<WarningRules['levels']>([]);
  const rules = shallowRef<WarningRules['rules']>([]);
  let pending: Promise<void> | null = null;

  function ensureLoaded(): Promise<void> {
    if (levels.value.length > 0) return Promise.resolve();
    pending ??= projectsApi
      .rules()
      .then((answer) => {
        levels.value = answer.levels;
        rules.value = answer.rules;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  /** Level codes lowest first. */
  const order = () => levels.value.map((level) => level.code);

  return { levels, rules, ensureLoaded, order };
});
