import { http } from './http';
import type { ItemList } from './types';

export interface Liaison {
  id: string | number;
  body_code: string;
  name: string;
  title: string;
  /** The office number as the server chose to disclose it: masked ... */
  phone_masked?: string;
  /** ... or in full (liaison office numbers are published contact data, unlike workers' phones). */
  phone?: string;
}

/** The phone number as shown: whatever the server disclosed (the server decides what is sensitive). */
export function liaisonPhone(liaison: Liaison): string {
  return liaison.phone_masked || liaison.phone || '';
}

/** Create/update body. `phone` is the full number; omit it on update to keep the stored one. */
export interface LiaisonInput {
  body_code: string;
  name: string;
  title: string;
  phone?: string;
}

export const liaisonsApi = {
  list: () => http.get<ItemList<Liaison>>('/liaisons'),
  create: (body: LiaisonInput) => http.post<Liaison>('/liaisons', body),
  update: (id: Liaison['id'], body: LiaisonInput) => http.put<Liaison>(`/liaisons/${encodeURIComponent(String(id))}`, body),
  remove: (id: Liaison['id']) => http.delete(`/liaisons/${encodeURIComponent(String(id))}`),
};
