import { createContext, useContext } from "react";

/**
 * This response's CSP nonce, set by app/entry.server.tsx from the load context, for the inline
 * scripts Remix writes (hydration data, scroll restoration). In the browser it is "": the
 * browser hides nonces from the page once it has checked them.
 */
export const NonceContext = createContext("");

export function useNonce(): string {
  return useContext(NonceContext);
}
