import { http } from './http';
import type { ItemList } from './types';

export interface Body {
  id: string | number;
  code: string;
  name_zh: string;
  name_en: string;
  parent_code: string | null;
}

/** An active user of the signed-in user's own body (GET /colleagues). */
export interface Colleague {
  username: string;
  display_name: string;
  roles: string[];
}

export const bodiesApi = {
  list: () => http.get<ItemList<Body>>('/bodies'),
  /** The people of one's own body, e.g. to form a case group from them. */
  colleagues: () => http.get<ItemList<Colleague>>('/colleagues'),
};
