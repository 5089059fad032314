namespace ShopApi.Integrations;

// The fix: one client from IHttpClientFactory (registered in Program.cs with a 3-second timeout),
// so connections are pooled and recycled, and a slow provider fails fast instead of holding checkout.
public sealed class CleanExchangeRates(HttpClient http)
{
    public async Task<decimal> RateAsync(string currency, CancellationToken cancellationToken)
    {
        var rate = await http.GetFromJsonAsync<Rate>($"https://rates.fx-partner.com/latest/{currency}", cancellationToken);
        return rate?.Value ?? 1m;
    }

    private sealed record Rate(decimal Value);
}
