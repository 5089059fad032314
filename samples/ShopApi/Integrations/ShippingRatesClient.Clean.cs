using Microsoft.Extensions.Options;

namespace ShopApi.Integrations;

// The fix: endpoints come from configuration (appsettings.Development.json points at the local
// stub, production settings at the partner), and the partner is called over https.
public sealed class ShippingOptions
{
    public required Uri RatesUrl { get; init; }

    public required Uri LabelsUrl { get; init; }
}

public sealed class CleanShippingRatesClient(HttpClient http, IOptions<ShippingOptions> options)
{
    public async Task<decimal> QuoteAsync(string postcode, CancellationToken cancellationToken)
    {
        var url = new Uri(options.Value.RatesUrl, $"?postcode={Uri.EscapeDataString(postcode)}");
        var response = await http.GetFromJsonAsync<Quote>(url, cancellationToken);
        return response?.Amount ?? 0m;
    }

    public Task<HttpResponseMessage> PrintLabelAsync(int orderId, CancellationToken cancellationToken) =>
        http.PostAsJsonAsync(options.Value.LabelsUrl, new { orderId }, cancellationToken);

    private sealed record Quote(decimal Amount);
}
