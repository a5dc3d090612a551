/**
 * What the current visitor may read. Until accounts exist (issue 4) every visitor is anonymous
 * and sees published public content only; loaders already ask here so that change is one place.
 */
export interface Access {
  /** May read members-only records. */
  members: boolean;
}

export async function getAccess(_request: Request): Promise<Access> {
  return { members: false };
}
