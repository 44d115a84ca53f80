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
  }
}

export {};
