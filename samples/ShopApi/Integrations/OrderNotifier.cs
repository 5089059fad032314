namespace ShopApi.Integrations;

// Order confirmations: retried by hand when the email provider hiccups.
public sealed class OrderNotifier(HttpClient http)
{
    public async Task NotifyAsync(int orderId, CancellationToken cancellationToken)
    {
        while (true) // LR0040
        {
            try
            {
                await http.PostAsJsonAsync("https://mail.shop-partner.com/send", new { orderId }, cancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(500, CancellationToken.None);
            }
        }
    }

    public async Task<bool> PingAsync()
    {
        for (var attempt = 0; attempt < 3; attempt++) // LR0041
        {
            try
            {
                return (await http.GetAsync("https://mail.shop-partner.com/health")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
            }
        }

        return false;
    }
}
