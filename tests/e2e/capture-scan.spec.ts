import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import QRCode from "qrcode";
import { daysAgo, expectAccessible, signIn } from "./fixtures";

// A phone at an event: scanning the QR codes people show, and sharing
// into Kith from another app.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const ZOE_VCARD = [
  "BEGIN:VCARD",
  "VERSION:3.0",
  "N:Ōtsuka;Zoë;;;",
  "FN:Zoë Ōtsuka",
  "ORG:Kōbō Research",
  "TITLE:Head of Platform",
  "TEL;TYPE=CELL:+81 90 1234 5678",
  "EMAIL:zoe@example.jp",
  "URL:https://www.linkedin.com/in/zoe-otsuka",
  "END:VCARD",
].join("\r\n");

async function qrPhoto(name: string, content: string, options: { isBlank?: boolean } = {}) {
  // Blank: the code drawn white on white, a photo with no code in it.
  const color = options.isBlank ? { dark: "#ffffffff", light: "#ffffffff" } : undefined;
  return { name, mimeType: "image/png", buffer: await QRCode.toBuffer(content, { type: "png", margin: 4, scale: 8, color }) };
}

async function openScanner(page: Page) {
  await page.getByRole("button", { name: "Scan" }).click();
  const dialog = page.getByRole("dialog", { name: "Scan a QR code" });
  await expect(dialog).toBeVisible();
  // Headless Chromium has no camera to give: the dialog says so and offers the photo.
  await expect(dialog.getByRole("alert")).toContainText(/camera/i);
  return dialog;
}

// Submits a form to /share from the page, as the share sheet posts one.
async function postShare(page: Page, fields: Record<string, string>, file?: { name: string; content: string }) {
  await page.evaluate(
    ({ fields, file }) => {
      const form = document.createElement("form");
      form.method = "POST";
      form.action = "/share";
      form.enctype = "multipart/form-data";
      for (const [name, value] of Object.entries(fields)) {
        // A textarea keeps line breaks, which an input's value drops.
        const input = document.createElement("textarea");
        input.name = name;
        input.value = value;
        form.append(input);
      }
      if (file) {
        const input = document.createElement("input");
        input.type = "file";
        input.name = "file";
        const transfer = new DataTransfer();
        transfer.items.add(new File([file.content], file.name, { type: "text/vcard" }));
        input.files = transfer.files;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    },
    { fields, file },
  );
}

test("signed out, a share goes through sign-in, on to the pre-filled form", async ({ page }) => {
  await page.goto("/sign-in");
  await postShare(page, { title: "", text: "Ada Quinn <ada@example.com>", url: "" });
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fcontacts%2Fnew$/);
  await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();

  await page.goto("/share?url=https://www.linkedin.com/in/ada-quinn");
  await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(
    "/contacts/new?name=Ada+Quinn&linkedin=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fada-quinn",
  );
});

test("the share target pre-fills a new contact, and a shared vCard opens the import preview", async ({ page }) => {
  await signIn(page, "share");

  await page.goto("/share?url=https://www.linkedin.com/in/ada-quinn");
  await expect(page).toHaveURL(/\/contacts\/new\?/);
  await expect(page.getByText("Filled in from what you shared")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Ada Quinn");
  await expect(page.getByLabel("Link 1", { exact: true })).toHaveValue("https://www.linkedin.com/in/ada-quinn");

  await postShare(page, { title: "", text: "Łukasz Żółć <lukasz@example.pl>\nMet at the Kraków meetup", url: "" });
  await expect(page).toHaveURL(/\/contacts\/new\?/);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Łukasz Żółć");
  await expect(page.getByLabel("Email 1", { exact: true })).toHaveValue("lukasz@example.pl");
  await expect(page.getByLabel("Notes", { exact: true })).toHaveValue("Met at the Kraków meetup");
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByRole("heading", { name: "Łukasz Żółć", level: 1 })).toBeVisible();

  await page.goto("/contacts");
  await postShare(page, { title: "Contacts" }, { name: "zoe.vcf", content: ZOE_VCARD });
  await expect(page).toHaveURL(/\/import\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Preview: nothing has changed yet" })).toBeVisible();
  await expect(page.getByText("Zoë Ōtsuka").first()).toBeVisible();
});

test("new contact: Scan, then Use a photo of a vCard code, fills the form", async ({ page }) => {
  await signIn(page, "scan-contact");
  await page.goto("/contacts/new");
  const dialog = await openScanner(page);
  await expectAccessible(page);

  await dialog.getByLabel("Use a photo").setInputFiles(await qrPhoto("not-a-contact.png", "https://example.com/menu"));
  await expect(dialog.getByRole("status")).toContainText("This code is not a contact");

  await dialog.getByLabel("Use a photo").setInputFiles(await qrPhoto("zoe.png", ZOE_VCARD));
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Zoë Ōtsuka");
  await expect(page.getByLabel("Company", { exact: true })).toHaveValue("Kōbō Research");
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue("Head of Platform");
  await expect(page.getByLabel("Email 1", { exact: true })).toHaveValue("zoe@example.jp");
  await expect(page.getByLabel("Phone 1", { exact: true })).toHaveValue("+81 90 1234 5678");
  await expect(page.getByLabel("Link 1", { exact: true })).toHaveValue("https://www.linkedin.com/in/zoe-otsuka");

  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByRole("heading", { name: "Zoë Ōtsuka", level: 1 })).toBeVisible();
});

test("quick-add: each code scanned from a photo adds a pre-filled row", async ({ page }) => {
  await signIn(page, "scan-quick-add");
  await page.goto("/events/new");
  await page.getByLabel("Name", { exact: true }).fill("Badge swap night");
  await page.getByLabel("Date", { exact: true }).fill(daysAgo(0));
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByRole("heading", { name: "Badge swap night", level: 1 })).toBeVisible();

  const dialog = await openScanner(page);
  const photo = dialog.getByLabel("Use a photo");
  const status = dialog.getByRole("status");
  await photo.setInputFiles(await qrPhoto("lukasz.png", "MECARD:N:Żółć,Łukasz;EMAIL:lukasz.zolc@example.pl;ORG:Fabryka;;"));
  await expect(status).toContainText("Added Łukasz Żółć");
  await photo.setInputFiles(await qrPhoto("ada.png", "https://www.linkedin.com/in/ada-quinn-4b1a2c3d?utm_source=share"));
  await expect(status).toContainText("Added Ada Quinn");
  await photo.setInputFiles(await qrPhoto("blank.png", "MECARD:N:Quinn,Ada;;", { isBlank: true }));
  await expect(status).toContainText("No QR code found in this photo");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByLabel("Name, person 1", { exact: true })).toHaveValue("Łukasz Żółć");
  await expect(page.getByLabel("Company, person 1", { exact: true })).toHaveValue("Fabryka");
  await expect(page.getByLabel("Email, person 1", { exact: true })).toHaveValue("lukasz.zolc@example.pl");
  await expect(page.getByLabel("Name, person 2", { exact: true })).toHaveValue("Ada Quinn");
  await expect(page.getByLabel("Note, person 2", { exact: true })).toHaveValue("LinkedIn: https://www.linkedin.com/in/ada-quinn-4b1a2c3d");
  await page.getByRole("button", { name: "Save 2 people" }).click();
  await expect(page.getByText("Added 2 new contacts from Badge swap night")).toBeVisible();
});

// A camera Chromium fakes from a video file: a QR code, frame after frame,
// written as YUV4MPEG2 (full-range luma, neutral chroma).
function qrVideo(content: string): string {
  const side = 480;
  const { modules } = QRCode.create(content, { errorCorrectionLevel: "M" });
  const scale = Math.floor(side / (modules.size + 8));
  const offset = Math.floor((side - modules.size * scale) / 2);
  const luma = Buffer.alloc(side * side, 255);
  for (let y = 0; y < modules.size * scale; y++) {
    for (let x = 0; x < modules.size * scale; x++) {
      if (modules.get(Math.floor(y / scale), Math.floor(x / scale))) luma[(offset + y) * side + offset + x] = 0;
    }
  }
  const chroma = Buffer.alloc((side / 2) * (side / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  const file = path.join(tmpdir(), `kith-qr-camera-${process.pid}.y4m`);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${side} H${side} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
  return file;
}

const withCamera = test.extend<object, { cameraFile: string }>({
  cameraFile: [async ({}, use) => use(qrVideo("MECARD:N:Quinn,Ada;EMAIL:ada.quinn@example.com;ORG:Watershed;;")), { scope: "worker" }],
  launchOptions: [
    async ({ launchOptions, cameraFile }, use) => {
      const args = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-video-capture=${cameraFile}`];
      await use({ ...launchOptions, args: [...(launchOptions.args ?? []), ...args] });
    },
    { scope: "worker" },
  ],
});

withCamera("the live camera reads a code, and stops when the dialog closes", async ({ page }) => {
  // Every stream the page opens, to see that closing the dialog ends it.
  await page.addInitScript(() => {
    const streams: MediaStream[] = [];
    Object.assign(window, { kithStreams: streams });
    const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await getUserMedia(constraints);
      streams.push(stream);
      return stream;
    };
  });
  const liveTracks = () =>
    page.evaluate(() =>
      (window as unknown as { kithStreams: MediaStream[] }).kithStreams.flatMap((stream) => stream.getTracks()).filter((track) => track.readyState === "live").length,
    );

  await signIn(page, "scan-camera");
  await page.goto("/contacts/new");
  await page.getByRole("button", { name: "Scan" }).click();
  await expect(page.getByRole("dialog", { name: "Scan a QR code" })).toBeHidden();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Ada Quinn");
  await expect(page.getByLabel("Company", { exact: true })).toHaveValue("Watershed");
  await expect(page.getByLabel("Email 1", { exact: true })).toHaveValue("ada.quinn@example.com");
  await expect.poll(liveTracks).toBe(0);


  // Quick-add keeps scanning until closed: the camera runs until then.
  await page.goto("/events/new");
  await page.getByLabel("Name", { exact: true }).fill("Camera night");
  await page.getByLabel("Date", { exact: true }).fill(daysAgo(0));
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByRole("heading", { name: "Camera night", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Scan" }).click();
  const dialog = page.getByRole("dialog", { name: "Scan a QR code" });
  await expect(dialog.getByRole("status")).toContainText("Added Ada Quinn");
  expect(await liveTracks()).toBe(1);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(liveTracks).toBe(0);
  await expect(page.getByLabel("Name, person 1", { exact: true })).toHaveValue("Ada Quinn");
  await expect(page.getByLabel("Name, person 2", { exact: true })).toHaveCount(0);
});
