import { http } from './http';
import type { ItemList } from './types';

export interface Body {
  id: string | number;
  code: string;
  name_zh: string;
  name_en: string;
  parent_code: string | null;
}

export const bodiesApi = {
  list: () => http.get<ItemList<Body>>('/bodies'),
};
