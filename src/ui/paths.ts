/** Route patterns, and builders for links to them. Every screen links through these. */
export const paths = {
  login: '/login',
  visits: '/',
  visit: '/visits/:visitId',
  visitEvidence: '/visits/:visitId/evidence',
  reports: '/reports',
  person: '/person/:visitId',
  office: '/office',
  followUps: '/follow-ups',
  importCarers: '/care-workers/import',
  match: '/match',
  matchPerson: '/match/:personId',
  tablet: '/tablet',
  careWorkers: '/care-workers',
  carerProfile: '/care-workers/:carerId',
  myProfile: '/my-profile',
  myAccount: '/my-account',
  people: '/people',
  personProfile: '/people/:personId',
  accounts: '/accounts',
  auditLog: '/audit',
  devices: '/devices',
} as const;

export const visitPath = (visitId: string): string => `/visits/${encodeURIComponent(visitId)}`;
export const visitEvidencePath = (visitId: string): string => `/visits/${encodeURIComponent(visitId)}/evidence`;
export const personPath = (visitId: string): string => `/person/${encodeURIComponent(visitId)}`;
export const carerProfilePath = (carerId: string): string => `/care-workers/${encodeURIComponent(carerId)}`;
export const personProfilePath = (personId: string): string => `/people/${encodeURIComponent(personId)}`;
export const matchPersonPath = (personId: string): string => `/match/${encodeURIComponent(personId)}`;
