import type { Component } from 'vue';
import 'vue-router';
import type { PermissionRequirement } from '@/utils/permission';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title, menu entry and breadcrumb. */
    titleKey?: string;
    /** Menu icon (an @element-plus/icons-vue component, wrapped in markRaw). */
    icon?: Component;
    /** Permission code(s) of which the user needs any one; absent = every logged-in user. */
    permission?: PermissionRequirement;
    /** Position in the sidebar (lower first). */
    order?: number;
    hideInMenu?: boolean;
    /** Reachable without a session (login page). */
    public?: boolean;
    /** Reachable while the password must be changed (the change-password page itself). */
    allowDuringPasswordChange?: boolean;
    /** Reachable while the sign-in still owes its second factor (the two-factor page itself). */
    allowDuringSecondFactor?: boolean;
    /** Body codes whose users see the entry (police, procuratorate … views); absent = every body. */
    bodies?: readonly string[];
    /** Menu entry to highlight for a page that is not itself in the menu (a case detail → the list). */
    activeMenu?: string;
    /** Key of a filtered case list (src/utils/caseMeta.ts CASE_LIST_PRESETS). */
    casePreset?: string;
    /** Where the same page is for a user this route refuses (an old link from another body's menu):
     * the guard sends such a user there, if they may open it, instead of to 403. */
    elsewhere?: string;
  }
}

export {};
