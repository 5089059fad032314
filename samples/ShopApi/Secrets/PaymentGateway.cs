using System.Net;

namespace ShopApi.Secrets;

// Launch-week shortcuts: a payment key pasted into code, and the database credentials beside it.
public sealed class PaymentGateway
{
    // LR0001 fires on provider formats; the key is assembled here only so that no real-format
    // token is committed to the sample (repository secret scanning would block the push).
    private const string StripeKey = "sk_live_" + "51HxQm2eZvKYlo2C" + "9f8e7d6c5b4a3f2e1d0c8b7a6"; // LR0001

    private const string SmtpPassword = "Hn5$Jk8#Lp2!qW"; // LR0002

    private static readonly string ReportingDatabase =
        "Server=sql.shop-prod.com;Database=Reporting;User Id=reports;Password=Xk9#mP2$vL7qZ;"; // LR0002

    public NetworkCredential Mailer() => new("orders@shop.com", SmtpPassword);

    public string Key => StripeKey;

    public string Reporting => ReportingDatabase;
}
