"use client";

import { ImageIcon } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { buttonVariants } from "@/components/ui/button";
import type { CapturedContact } from "@/lib/capture/prefill";
import type { RgbaImage } from "@/lib/capture/decode-qr";
import type { CodeReading } from "@/lib/capture/read-code";
import { cn } from "@/lib/utils";

// The decoder and the parsers load when the dialog opens, not with the page.
const loadReader = () => import("@/lib/capture/read-code");

type Camera = "starting" | "live" | "no-camera" | "denied" | "insecure" | "failed";
type Notice = { tone: "info" | "success" | "problem"; text: string };

const CAMERA_PROBLEMS: Record<Exclude<Camera, "starting" | "live">, string> = {
  "no-camera": "No camera found on this device. Use a photo of the code instead.",
  denied: "Kith isn't allowed to use the camera. Allow it in your browser's settings for this site, or use a photo of the code.",
  insecure: "The camera works only over a secure (https) connection. Use a photo of the code instead.",
  failed: "The camera could not be started: another app may be using it. Close that app, or use a photo of the code.",
};

export const NOT_A_CONTACT = "This code is not a contact. Kith reads contact cards (vCard and MeCard) and LinkedIn profile links.";
const NO_CODE_IN_PHOTO = "No QR code found in this photo. Take it closer, with the whole code in the picture and in focus.";
const NOT_AN_IMAGE = "This file could not be read as an image. Choose a photo (JPEG, PNG or HEIC).";

// A camera frame is decoded at this width: enough for a code filling a
// third of the picture, and quick on a phone.
const FRAME_WIDTH = 640;
const FRAME_INTERVAL_MS = 200;
// A photo is tried small first (fast, and a big code reads best there), then larger.
const PHOTO_SIZES = [1024, 2048];

function cameraProblem(error: unknown): Camera {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError" || name === "PermissionDeniedError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "DevicesNotFoundError") return "no-camera";
  return "failed";
}

// The RGBA pixels of an image drawn at most `maxSide` pixels on its longer side.
function pixels(
  source: CanvasImageSource,
  sourceWidth: number,
  sourceHeight: number,
  maxSide: number,
  canvas: HTMLCanvasElement,
): RgbaImage | null {
  const scale = Math.min(1, maxSide / Math.max(sourceWidth, sourceHeight));
  const width = Math.max(1, Math.round(sourceWidth * scale));
  const height = Math.max(1, Math.round(sourceHeight * scale));
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

type QrScannerProps = {
  /** A contact was read. */
  onContact: (contact: CapturedContact) => void;
  /** Keep scanning after a contact (quick-add: one row per code) and say who was added. */
  isContinuous: boolean;
};

// The live camera, frames decoded a few times a second, and a photo input
// for where the camera is not allowed or not there. The camera stops when
// this unmounts (the dialog closing).
export function QrScanner({ onContact, isContinuous }: QrScannerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const latestProps = useRef({ onContact, isContinuous });
  const lastCodeRef = useRef<string | null>(null);
  const [camera, setCamera] = useState<Camera>("starting");
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    latestProps.current = { onContact, isContinuous };
  }, [onContact, isContinuous]);

  const getCanvas = useCallback(() => {
    canvasRef.current ??= document.createElement("canvas");
    return canvasRef.current;
  }, []);

  // The same code seen in frame after frame counts once.
  const handle = useCallback((reading: CodeReading) => {
    if (reading.status === "no-code" || reading.text === lastCodeRef.current) return;
    lastCodeRef.current = reading.text;
    if (reading.status === "not-contact") {
      setNotice({ tone: "problem", text: NOT_A_CONTACT });
      return;
    }
    latestProps.current.onContact(reading.contact);
    if (latestProps.current.isContinuous) {
      setNotice({ tone: "success", text: `Added ${reading.contact.name}. Scan the next code, or close when you're done.` });
    }
  }, []);

  useEffect(() => {
    let isActive = true;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const video = videoRef.current;

    async function start() {
      if (!window.isSecureContext) return setCamera("insecure");
      if (!navigator.mediaDevices?.getUserMedia) return setCamera("no-camera");
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false });
      } catch (error) {
        if (isActive) setCamera(cameraProblem(error));
        return;
      }
      if (!isActive || !video) return stopCamera();
      video.srcObject = stream;
      await video.play().catch(() => undefined);
      const { readCode } = await loadReader();
      if (!isActive) return stopCamera();
      setCamera("live");
      const scan = () => {
        if (!isActive) return;
        if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
          const image = pixels(video, video.videoWidth, video.videoHeight, FRAME_WIDTH, getCanvas());
          if (image) handle(readCode(image));
        }
        timer = setTimeout(scan, FRAME_INTERVAL_MS);
      };
      scan();
    }

    function stopCamera() {
      for (const track of stream?.getTracks() ?? []) track.stop();
      stream = null;
    }

    void start();
    return () => {
      isActive = false;
      clearTimeout(timer);
      stopCamera();
      if (video) video.srcObject = null;
    };
  }, [getCanvas, handle]);

  async function readPhoto(file: File) {
    setNotice({ tone: "info", text: "Reading the photo…" });
    const { readCode } = await loadReader();
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(file);
    } catch {
      setNotice({ tone: "problem", text: NOT_AN_IMAGE });
      return;
    }
    try {
      for (const size of PHOTO_SIZES) {
        const image = pixels(bitmap, bitmap.width, bitmap.height, size, getCanvas());
        const reading = image ? readCode(image, { thorough: true }) : ({ status: "no-code" } as const);
        if (reading.status === "no-code") continue;
        // A photo is a deliberate choice: the same code again is read again.
        lastCodeRef.current = null;
        handle(reading);
        return;
      }
      setNotice({ tone: "problem", text: NO_CODE_IN_PHOTO });
    } finally {
      bitmap.close();
    }
  }

  const problem = camera === "starting" || camera === "live" ? null : CAMERA_PROBLEMS[camera];

  return (
    <div className="grid gap-4">
      <div className={cn("relative overflow-hidden rounded-lg bg-muted", problem && "hidden")}>
        <video ref={videoRef} muted playsInline aria-label="Camera view" className="aspect-square w-full object-cover" />
        {camera === "starting" ? (
          <p className="absolute inset-0 grid place-items-center p-4 text-center text-sm text-muted-foreground">Starting the camera…</p>
        ) : null}
      </div>
      {problem ? (
        <p role="alert" className="rounded-lg border border-destructive/40 p-3 text-sm">
          {problem}
        </p>
      ) : null}
      <p
        role="status"
        className={cn("min-h-5 text-sm", notice?.tone === "problem" ? "text-destructive" : "text-muted-foreground", notice?.tone === "success" && "text-foreground")}
      >
        {notice?.text ?? (camera === "live" ? "Point the camera at a QR code." : "")}
      </p>
      <label className={cn(buttonVariants({ variant: "outline" }), "cursor-pointer has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring")}>
        <ImageIcon aria-hidden="true" />
        Use a photo
        <input
          type="file"
          accept="image/*"
          capture="environment"
          className="sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so the same photo can be chosen again.
            event.target.value = "";
            if (file) void readPhoto(file);
          }}
        />
      </label>
    </div>
  );
}
