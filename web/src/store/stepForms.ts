import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { referenceApi, type StepCatalogue } from '@/api/reference';

/**
 * The server's catalogue of step forms (GET /reference/case-steps), loaded once per session: which
 * fields each case step takes, what they need and when a reason is required. The step dialogs render
 * and check from it (utils/caseSteps.ts); until it is loaded, or if loading fails, a step still gets a
 * form with its time and an optional reason, and the server judges the rest.
 */
export const useStepFormsStore = defineStore('stepForms', () => {
  const catalogue = shallowRef<StepCatalogue | null>(null);
  let loading: Promise<void> | null = null;

  function load(): Promise<void> {
    if (catalogue.value) return Promise.resolve();
    if (loading) return loading;
    loading = referenceApi
      .caseSteps()
      .then((answer) => {
        catalogue.value = answer;
      })
      .catch(() => {
        // Tried again on the next case page; the forms fall back to time and reason meanwhile.
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  return { catalogue, load };
});
