using Microsoft.EntityFrameworkCore;
using ShopApi.Data;
using ShopApi.Endpoints;
using ShopApi.Integrations;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDbContext<ShopDbContext>(options =>
    options.UseSqlite(builder.Configuration.GetConnectionString("Shop")));

builder.Services.AddOptions<ShippingOptions>().BindConfiguration("Shipping").ValidateOnStart();
builder.Services.AddHttpClient<CleanShippingRatesClient>()
    .ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(5));
builder.Services.AddHttpClient<ShippingRatesClient>(); // LR0020
builder.Services.AddHttpClient<CleanExchangeRates>(client => client.Timeout = TimeSpan.FromSeconds(3));
builder.Services.AddHttpClient<CleanOrderNotifier>(client => client.Timeout = TimeSpan.FromSeconds(5));

builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
    policy.WithOrigins("http://localhost:5173"))); // LR0010

if (builder.Environment.IsDevelopment())
{
    // Development-only branches never run in production, so local origins are fine here.
    builder.Services.AddCors(cors => cors.AddPolicy("vite", policy => policy.WithOrigins("http://localhost:5173")));
}

var app = builder.Build();

app.UseCors();
app.MapCatalog();
app.Run();
