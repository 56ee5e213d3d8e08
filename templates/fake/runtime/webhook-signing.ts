// Standard Webhooks signatures as Polar makes them: the endpoint's secret, as text, is
// base64-encoded and handed to a Standard Webhooks signer, which decodes it again; so
// the HMAC-SHA256 key is the secret's UTF-8 bytes, whatever the secret looks like (a
// `whsec_` prefix included). The signed content is `id.timestamp.body`. Web Crypto
// only, so the fake runs wherever `fetch` does.

const encoder = /* @__PURE__ */ new TextEncoder();

export interface WebhookHeaders {
  "content-type": "application/json";
  "user-agent": string;
  "webhook-id": string;
  "webhook-timestamp": string;
  /** Left out when there is no secret to sign with. */
  "webhook-signature"?: string;
}

/** `webhook-signature`: `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`. */
export async function signWebhook(options: {
  id: string;
  timestamp: number;
  body: string;
  secret: string;
}): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(options.secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const content = encoder.encode(`${options.id}.${options.timestamp}.${options.body}`);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, content));
  let binary = "";
  for (const byte of mac) binary += String.fromCharCode(byte);
  return `v1,${btoa(binary)}`;
}

/** The headers of one delivery attempt; `at` is the attempt's time (whole seconds, as Polar sends it). */
export async function webhookHeaders(options: {
  id: string;
  at: Date;
  body: string;
  secret: string | undefined;
}): Promise<WebhookHeaders> {
  const { id, body, secret } = options;
  const timestamp = Math.floor(options.at.getTime() / 1000);
  const headers: WebhookHeaders = {
    "content-type": "application/json",
    "user-agent": "polar.sh webhooks",
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
  };
  if (secret)
    headers["webhook-signature"] = await signWebhook({
      id,
      timestamp,
      body,
      secret,
    });
  return headers;
}
