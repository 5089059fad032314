using System.Net;

namespace ShopApi.Secrets;

// The fix: the values live in user secrets on developer machines and in the environment (or a
// vault) in production; the code only knows their names and fails at startup when one is missing.
public sealed class CleanPaymentGateway(IConfiguration configuration)
{
    public NetworkCredential Mailer() => new("orders@shop.com", Required("Smtp:Password"));

    public string Key => Required("Stripe:SecretKey");

    public string Reporting => configuration.GetConnectionString("Reporting")
        ?? throw new InvalidOperationException("ConnectionStrings:Reporting is not set");

    private string Required(string key) =>
        configuration[key] ?? throw new InvalidOperationException($"{key} is not set");
}
