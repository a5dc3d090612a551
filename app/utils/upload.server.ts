import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";

import { makeT, type Translate } from "../i18n";
import { readForm } from "./request.server";

/**
 * Reads a form that may carry a file, with a size limit per part, so that an upload of any size
 * or shape answers a clear 4xx (never a 500). A plain form post is read as usual.
 */
export type UploadResult = { ok: true; form: FormData } | { ok: false; status: 400 | 413 | 415; message: string };

export async function readUpload(
  request: Request,
  { maxPartBytes, tooLarge, t = makeT("sv") }: { maxPartBytes: number; tooLarge: string; t?: Translate },
): Promise<UploadResult> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (Number.isFinite(length) && length > maxPartBytes + 256_000) return { ok: false, status: 413, message: tooLarge };
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data/i.test(type)) {
    try {
      return { ok: true, form: await readForm(request) };
    } catch (thrown) {
      if (thrown instanceof Response) return { ok: false, status: thrown.status === 415 ? 415 : 400, message: t("Skicka filen med formuläret på sidan.", "Send the file with the form on the page.") };
      throw thrown;
    }
  }
  try {
    const form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxPartBytes }));
    return { ok: true, form };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, status: 413, message: tooLarge };
    return { ok: false, status: 400, message: t("Formuläret gick inte att läsa.", "The form could not be read.") };
  }
}

/** The uploaded file of a form field, or a message saying what is wrong with it. */
export async function uploadedFile(
  form: FormData,
  name: string,
  t: Translate = makeT("sv"),
): Promise<{ ok: true; file: File; bytes: Uint8Array } | { ok: false; message: string }> {
  const file = form.get(name);
  if (!file || typeof file === "string") return { ok: false, message: t("Välj en fil att ladda upp.", "Choose a file to upload.") };
  if (file.size === 0) return { ok: false, message: t("Filen är tom.", "The file is empty.") };
  return { ok: true, file, bytes: new Uint8Array(await file.arrayBuffer()) };
}
