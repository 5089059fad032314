namespace ShopApi.Integrations;

// What launch-day code often looks like: the partner URLs from the developer's machine.
public sealed class ShippingRatesClient(HttpClient http)
{
    private const string RatesUrl = "http://localhost:7070/rates"; // LR0010

    private static readonly Uri LabelsUrl = new("http://labels.shipfast-partner.com/v2/labels"); // LR0011

    public async Task<decimal> QuoteAsync(string postcode, CancellationToken cancellationToken)
    {
        var response = await http.GetFromJsonAsync<Quote>($"{RatesUrl}?postcode={postcode}", cancellationToken);
        return response?.Amount ?? 0m;
    }

    public Task<HttpResponseMessage> PrintLabelAsync(int orderId, CancellationToken cancellationToken) =>
        http.PostAsJsonAsync(LabelsUrl, new { orderId }, cancellationToken);

    private sealed record Quote(decimal Amount);
}
