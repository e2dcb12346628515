// A real OpenID Connect provider (npm oidc-provider) for the browser checks: one confidential
// client (juryn), and accounts whose e-mail claims are given in IDP_ACCOUNTS as JSON
// ({"login": {"email": "...", "email_verified": true}}). Its development login form takes any
// login name (the password is ignored) and asks for consent once.
import Provider from 'oidc-provider';

const port = Number(process.env.IDP_PORT);
const accounts = JSON.parse(process.env.IDP_ACCOUNTS || '{}');
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: process.env.IDP_CLIENT_ID,
    client_secret: process.env.IDP_CLIENT_SECRET,
    redirect_uris: [process.env.IDP_REDIRECT_URI],
    response_types: ['code'],
    grant_types: ['authorization_code'],
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  pkce: { required: () => true },
  async findAccount(_ctx, id) {
    const a = accounts[id];
    if (!a) return undefined;
    return { accountId: id, async claims() { return { sub: id, email: a.email, email_verified: a.email_verified }; } };
  },
});
provider.listen(port, '127.0.0.1', () => console.log(`idp http://127.0.0.1:${port}`));
