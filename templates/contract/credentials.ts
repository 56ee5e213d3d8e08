// How the suite sends a credential where the operation's scheme puts it (a bearer token,
// HTTP basic, an API key in a header, the query or a cookie), and how a printed curl
// command sends it: read from the environment variable it came from, never printed.

import type { ContractSecurity } from "./types.js";

/**
 * A credential (a token, an API key, or basic's `user:password`), how it travels, and
 * the environment variable a user sets it in.
 */
export interface Credential {
  token: string;
  variable: string;
  via: ContractSecurity["via"];
  /** An API key's name in its header, query or cookie. */
  key?: string | undefined;
}

/** The request's URL and headers with the credential where its scheme puts it. */
export function withCredential(options: {
  credential: Credential;
  url: string;
  headers: Record<string, string>;
}): { url: string; headers: Record<string, string> } {
  const { credential, url } = options;
  const { token, via } = credential;
  const key = credential.key ?? "";
  const headers = { ...options.headers };
  if (via === "bearer") headers["authorization"] = `Bearer ${token}`;
  else if (via === "basic")
    headers["authorization"] = `Basic ${Buffer.from(token, "utf8").toString("base64")}`;
  else if (via === "header") headers[key.toLowerCase()] = token;
  else if (via === "cookie") headers["cookie"] = `${key}=${token}`;
  else
    return {
      url: `${url}${url.includes("?") ? "&" : "?"}${encodeURIComponent(key)}=${encodeURIComponent(token)}`,
      headers,
    };
  return { url, headers };
}

/** A shell word that is the text as given. */
export function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The URL and curl options that send the credential from its variable. */
export function curlCredential(options: { credential: Credential | undefined; url: string }): {
  url: string;
  auth: string;
} {
  const { credential } = options;
  if (!credential) return { url: quote(options.url), auth: "" };
  // The variable's value in double quotes; the spec's key name in single ones.
  const value = `"$${credential.variable}"`;
  const key = credential.key ?? "";
  if (credential.via === "query") {
    const separator = options.url.includes("?") ? "&" : "?";
    return {
      url: `${quote(`${options.url}${separator}${encodeURIComponent(key)}=`)}${value}`,
      auth: "",
    };
  }
  const auth =
    credential.via === "bearer"
      ? ` -H "Authorization: Bearer $${credential.variable}"`
      : credential.via === "basic"
        ? ` -u ${value}`
        : credential.via === "header"
          ? ` -H ${quote(`${key}: `)}${value}`
          : ` -b ${quote(`${key}=`)}${value}`;
  return { url: quote(options.url), auth };
}
