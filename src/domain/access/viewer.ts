/** Who is calling: the identity and roles carried by a verified token, or nobody. */

export const ROLES = ['LEARNER', 'ADVISOR', 'PORTAL', 'PROVIDER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** The caller of one request. */
export interface Viewer {
  /** Token subject; null for anonymous callers. */
  readonly subject: string | null;
  readonly roles: ReadonlySet<Role>;
  /** The learner a LEARNER token acts for. */
  readonly learnerId: string | null;
  /** The provider a PROVIDER token acts for. */
  readonly providerId: string | null;
  /** The portal a PORTAL token acts for. */
  readonly portalId: string | null;
}

/** The caller without a token. */
export const ANONYMOUS: Viewer = Object.freeze({
  subject: null,
  roles: new Set<Role>(),
  learnerId: null,
  providerId: null,
  portalId: null,
});

/** True when the viewer has the role. */
export function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer.roles.has(role);
}
