namespace ShopApi.Integrations;

// A key added in a hurry: the code reads it, but launchready.env.json does not list it, so nobody
// will know to set it in production. The fix is one entry in the manifest (the code fix adds it).
public static class OrderMailer
{
    public static string? ApiKey() => Environment.GetEnvironmentVariable("SENDGRID_API_KEY"); // LR0050
}
