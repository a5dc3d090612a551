import { getUser } from "./session.server";

/**
 * What the current visitor may read. Every account is at least a member, so any signed-in
 * visitor sees members-only records; anonymous visitors see published public content only.
 * This is the one place that decides; loaders ask here.
 */
export interface Access {
  /** May read members-only records. */
  members: boolean;
}

export async function getAccess(request: Request): Promise<Access> {
  const user = await getUser(request);
  return { members: user !== null };
}
