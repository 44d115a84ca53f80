import { createRouter, createWebHistory } from 'vue-router';
import './types';
import { rootRoutes } from './routes';
import { installGuards } from './guard';

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: rootRoutes,
  scrollBehavior: () => ({ top: 0 }),
});

installGuards(router);
