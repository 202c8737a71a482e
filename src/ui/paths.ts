/** Route patterns, and builders for links to them. Every screen links through these. */
export const paths = {
  login: '/login',
  visits: '/',
  visit: '/visits/:visitId',
  person: '/person/:visitId',
  office: '/office',
  followUps: '/follow-ups',
  match: '/match',
  matchPerson: '/match/:personId',
  tablet: '/tablet',
} as const;

export const visitPath = (visitId: string): string => `/visits/${encodeURIComponent(visitId)}`;
export const personPath = (visitId: string): string => `/person/${encodeURIComponent(visitId)}`;
export const matchPersonPath = (personId: string): string => `/match/${encodeURIComponent(personId)}`;
