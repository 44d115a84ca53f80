import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { risksApi, type RiskLevelInfo, type RiskRuleInfo } from '@/api/risks';
import { levelName, levelShade } from '@/utils/riskLevel';

/** The operator's risk levels and rules, loaded once per session (they change only with data/). */
export const useRiskRulesStore = defineStore('riskRules', () => {
  const levels = shallowRef<RiskLevelInfo[]>([]);
  const rules = shallowRef<RiskRuleInfo[]>([]);
  const status = ref('');
  const creditCodeOptionalSources = shallowRef<string[]>([]);
  let pending: Promise<void> | null = null;

  function ensureLoaded(): Promise<void> {
    if (levels.value.length > 0) return Promise.resolve();
    pending ??= risksApi
      .rules()
      .then((answer) => {
        levels.value = answer.levels;
        rules.value = answer.rules;
        status.value = answer.status_zh;
        creditCodeOptionalSources.value = answer.credit_code_optional_sources ?? [];
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  const nameOf = (code: string, locale: string) => levelName(levels.value, code, locale);
  const shadeOf = (code: string) => levelShade(levels.value.find((l) => l.code === code)?.colour);

  return { levels, rules, status, creditCodeOptionalSources, ensureLoaded, nameOf, shadeOf };
});
