import { useEffect, useState } from 'react';
import { apiFetch } from '../api/http';

export interface Group {
  code: string;
  naam: string;
}

/** The platform's teams (candidate groups), for the zaaktype's authorisations; empty until loaded. */
export function useGroups(): Group[] {
  const [groups, setGroups] = useState<Group[]>([]);
  useEffect(() => {
    let current = true;
    apiFetch<{ groups: Group[] }>('/api/auth/groups')
      .then((body) => {
        if (current) setGroups(body.groups);
      })
      // Without the list the template offers a text field; nothing else depends on it.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return groups;
}
