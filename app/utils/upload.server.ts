import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";

import { readForm } from "./request.server";

/**
 * Reads a form that may carry a file, with a size limit per part, so that an upload of any size
 * or shape answers a clear 4xx (never a 500). A plain form post is read as usual.
 */
export type UploadResult = { ok: true; form: FormData } | { ok: false; status: 400 | 413 | 415; message: string };

export async function readUpload(request: Request, { maxPartBytes, tooLarge }: { maxPartBytes: number; tooLarge: string }): Promise<UploadResult> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (Number.isFinite(length) && length > maxPartBytes + 256_000) return { ok: false, status: 413, message: tooLarge };
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data/i.test(type)) {
    try {
      return { ok: true, form: await readForm(request) };
    } catch (thrown) {
      if (thrown instanceof Response) return { ok: false, status: thrown.status === 415 ? 415 : 400, message: "Skicka filen med formuläret på sidan." };
      throw thrown;
    }
  }
  try {
    const form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxPartBytes }));
    return { ok: true, form };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, status: 413, message: tooLarge };
    return { ok: false, status: 400, message: "Formuläret gick inte att läsa." };
  }
}

/** The uploaded file of a form field, or a message saying what is wrong with it. */
export async function uploadedFile(form: FormData, name: string): Promise<{ ok: true; file: File; bytes: Uint8Array } | { ok: false; message: string }> {
  const file = form.get(name);
  if (!file || typeof file === "string") return { ok: false, message: "Välj en fil att ladda upp." };
  if (file.size === 0) return { ok: false, message: "Filen är tom." };
  return { ok: true, file, bytes: new Uint8Array(await file.arrayBuffer()) };
}
