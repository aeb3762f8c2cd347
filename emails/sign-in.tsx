import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";

export type SignInEmailProps = {
  url: string;
  host: string;
  expiresInMinutes: number;
};

export default function SignInEmail({
  url = "http://localhost:3000/sign-in/confirm?token=preview&email=ada%40example.com",
  host = "localhost:3000",
  expiresInMinutes = 60,
}: Partial<SignInEmailProps>) {
  return (
    <Html lang="en">
      <Head />
      <Preview>Your link to sign in to Kith</Preview>
      <Body style={{ backgroundColor: "#f6f7f6", fontFamily: "Helvetica, Arial, sans-serif", margin: 0 }}>
        <Container style={{ maxWidth: 480, margin: "32px auto", backgroundColor: "#ffffff", borderRadius: 12, padding: 32 }}>
          <Heading as="h1" style={{ fontSize: 22, color: "#12312b", margin: "0 0 16px" }}>
            Sign in to Kith
          </Heading>
          <Text style={{ fontSize: 15, lineHeight: "24px", color: "#33413d" }}>
            Click the button below, then confirm, to sign in to Kith on {host}. The link works once and
            expires in {expiresInMinutes} minutes.
          </Text>
          <Section style={{ margin: "24px 0" }}>
            <Button
              href={url}
              style={{ backgroundColor: "#0f766e", color: "#ffffff", borderRadius: 8, padding: "12px 20px", fontSize: 15, fontWeight: 600 }}
            >
              Sign in to Kith
            </Button>
          </Section>
          <Text style={{ fontSize: 13, lineHeight: "20px", color: "#5b6763" }}>
            Or paste this link into your browser: <Link href={url}>{url}</Link>
          </Text>
          <Hr style={{ borderColor: "#e3e8e6", margin: "24px 0" }} />
          <Text style={{ fontSize: 12, color: "#7b8783" }}>
            If you did not ask to sign in, you can ignore this email: nobody can sign in without this link.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
