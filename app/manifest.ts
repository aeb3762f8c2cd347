import type { MetadataRoute } from "next";

// Installs Kith as an app (home screen, dock), opening at the dashboard, and
// puts it in the phone's share sheet (app/share/route.ts takes what is
// shared: a profile link, some text, a .vcf card).
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/dashboard",
    name: "Kith",
    short_name: "Kith",
    description: "Your relationships and your career, tended a little every week.",
    start_url: "/dashboard",
    scope: "/",
    display: "standalone",
    background_color: "#fbfaf7",
    theme_color: "#0f766e",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    shortcuts: [
      { name: "New event", url: "/events/new" },
      { name: "New contact", url: "/contacts/new" },
    ],
    share_target: {
      action: "/share",
      method: "POST",
      enctype: "multipart/form-data",
      params: {
        title: "title",
        text: "text",
        url: "url",
        files: [{ name: "file", accept: ["text/vcard", "text/x-vcard", ".vcf"] }],
      },
    },
  };
}
