using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaStack.Cloudflare.StandIn;

/// <summary>
/// A real HTTP server on 127.0.0.1 that speaks Cloudflare's v4 wire format for the endpoints the
/// publisher uses, keeps its state in memory and can inject faults.
/// </summary>
public sealed class CloudflareApiStandIn : IAsyncDisposable
{
    public const string AccountId = "0123456789abcdef0123456789abcdef";
    public const string TunnelId = "c1744f8b-faa1-48a4-9e5c-02ac921467fa";
    public const string ZoneId = "9a7806061c88ada191ed06f989cc3dac";
    public const string ZoneName = "example.com";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private int _nextId = 1;

    private CloudflareApiStandIn(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public string ValidToken { get; set; } = "standin-token-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    /// <summary>Gets or sets a value indicating whether the token is account-owned (user verify refuses it).</summary>
    public bool AccountOwnedToken { get; set; }

    /// <summary>Gets the permission groups the token lacks: Tunnel, Zone, DNS, Access, Organizations.</summary>
    public HashSet<string> DeniedGroups { get; } = [];

    public int MaxPageSize { get; set; } = 2;

    public List<JsonObject> Zones { get; } = [new JsonObject { ["id"] = ZoneId, ["name"] = ZoneName, ["status"] = "active" }];

    public List<JsonObject> DnsRecords { get; } = [];

    public JsonObject? TunnelConfig { get; set; }

    public List<JsonObject> Applications { get; } = [];

    public List<JsonObject> Policies { get; } = [];

    public List<string> Tags { get; } = [];

    public string? AuthDomain { get; set; } = "household.cloudflareaccess.com";

    /// <summary>Gets the hostnames for which creating an Access application fails.</summary>
    public HashSet<string> RejectedApplicationDomains { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<StandInFault> Faults { get; } = [];

    public ConcurrentQueue<StandInRequest> Requests { get; } = new();

    public int WriteCalls => Requests.Count(request => request.Method != "GET");

    public static async Task<CloudflareApiStandIn> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new CloudflareApiStandIn(app);
        app.Run(standIn.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        standIn.BaseUrl = new Uri(address + "/client/v4/");
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    public JsonObject AddDnsRecord(string type, string name, string content, string? comment, bool proxied = true)
    {
        var record = new JsonObject
        {
            ["id"] = NextId(),
            ["zone_id"] = ZoneId,
            ["zone_name"] = ZoneName,
            ["type"] = type,
            ["name"] = name,
            ["content"] = content,
            ["proxied"] = proxied,
            ["ttl"] = 1,
            ["comment"] = comment,
        };
        lock (_gate)
        {
            DnsRecords.Add(record);
        }

        return record;
    }

    public JsonArray Ingress() => (JsonArray)TunnelConfig!["ingress"]!;

    private string NextId() =>
        Interlocked.Increment(ref _nextId).ToString("x32", CultureInfo.InvariantCulture);

    private async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? string.Empty;
        var status = 200;
        try
        {
            JsonNode? body = null;
            if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            {
                body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            }

            var fault = TakeFault(method, path);
            if (fault?.Delay is { } delay)
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            else if (fault is not null)
            {
                if (fault.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                status = fault.StatusCode;
                await WriteErrorAsync(context, status, fault.ErrorCode, fault.ErrorMessage);
                return;
            }

            (status, var envelope) = Handle(context, method, path, body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(envelope.ToJsonString(), context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            status = 499;
        }
        finally
        {
            Requests.Enqueue(new StandInRequest(DateTimeOffset.UtcNow, method, path, status));
        }
    }

    private StandInFault? TakeFault(string method, string path)
    {
        lock (_gate)
        {
            var fault = Faults.FirstOrDefault(candidate => candidate.Times > 0
                && candidate.Method == method
                && path.EndsWith(candidate.PathSuffix, StringComparison.Ordinal));
            if (fault is not null)
            {
                fault.Times--;
            }

            return fault;
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int status, int code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(Failure(code, message).ToJsonString(), context.RequestAborted);
    }

    private static JsonObject Failure(int code, string message) => new()
    {
        ["success"] = false,
        ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }),
        ["messages"] = new JsonArray(),
        ["result"] = null,
    };

    private static JsonObject Success(JsonNode? result, JsonObject? resultInfo = null)
    {
        var envelope = new JsonObject
        {
            ["success"] = true,
            ["errors"] = new JsonArray(),
            ["messages"] = new JsonArray(),
            ["result"] = result,
        };
        if (resultInfo is not null)
        {
            envelope["result_info"] = resultInfo;
        }

        return envelope;
    }

    private (int Status, JsonObject Envelope) Handle(HttpContext context, string method, string path, JsonNode? body)
    {
        const string Prefix = "/client/v4/";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return (404, Failure(7000, "No route for that URI"));
        }

        var segments = path[Prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization != "Bearer " + ValidToken)
        {
            return segments is ["user", "tokens", "verify"] or ["accounts", _, "tokens", "verify"]
                ? (401, Failure(1000, "Invalid API Token"))
                : (403, Failure(10000, "Authentication error"));
        }

        var group = GroupOf(segments);
        if (group is not null && DeniedGroups.Contains(group))
        {
            return (403, Failure(10000, "Authentication error"));
        }

        lock (_gate)
        {
            return (method, segments) switch
            {
                ("GET", ["user", "tokens", "verify"]) => AccountOwnedToken
                    ? (401, Failure(1000, "Invalid API Token"))
                    : (200, Success(new JsonObject { ["id"] = "token-id", ["status"] = "active" })),
                ("GET", ["accounts", AccountId, "tokens", "verify"]) =>
                    (200, Success(new JsonObject { ["id"] = "token-id", ["status"] = "active" })),
                ("GET", ["accounts", AccountId, "cfd_tunnel", TunnelId, "configurations"]) => GetTunnelConfig(),
                ("PUT", ["accounts", AccountId, "cfd_tunnel", TunnelId, "configurations"]) => PutTunnelConfig(body),
                ("GET", ["zones"]) => Page(context, Zones.Where(zone =>
                    context.Request.Query["name"].ToString() is var name && (name.Length == 0 || (string?)zone["name"] == name))),
                ("GET", ["zones", var zoneId]) => Zones.FirstOrDefault(zone => (string?)zone["id"] == zoneId) is { } found
                    ? (200, Success(found.DeepClone()))
                    : (404, Failure(7003, "Could not route to /zones/" + zoneId + ", perhaps your object identifier is invalid?")),
                ("GET", ["zones", ZoneId, "dns_records"]) => Page(context, DnsRecords.Where(record =>
                    context.Request.Query["name"].ToString() is var name && (name.Length == 0 || (string?)record["name"] == name))),
                ("POST", ["zones", ZoneId, "dns_records"]) => CreateRecord(body!.AsObject()),
                ("PATCH", ["zones", ZoneId, "dns_records", var id]) => PatchRecord(id, body!.AsObject()),
                ("DELETE", ["zones", ZoneId, "dns_records", var id]) => Delete(DnsRecords, id),
                ("GET", ["accounts", AccountId, "access", "apps"]) => Page(context, Applications),
                ("POST", ["accounts", AccountId, "access", "apps"]) => SaveApplication(null, body!.AsObject()),
                ("PUT", ["accounts", AccountId, "access", "apps", var id]) => SaveApplication(id, body!.AsObject()),
                ("DELETE", ["accounts", AccountId, "access", "apps", var id]) => Delete(Applications, id),
                ("GET", ["accounts", AccountId, "access", "policies"]) => Page(context, Policies),
                ("POST", ["accounts", AccountId, "access", "policies"]) => SavePolicy(null, body!.AsObject()),
                ("PUT", ["accounts", AccountId, "access", "policies", var id]) => SavePolicy(id, body!.AsObject()),
                ("GET", ["accounts", AccountId, "access", "tags"]) =>
                    Page(context, Tags.Select(tag => new JsonObject { ["name"] = tag })),
                ("POST", ["accounts", AccountId, "access", "tags"]) => CreateTag(body!.AsObject()),
                ("GET", ["accounts", AccountId, "access", "organizations"]) => AuthDomain is null
                    ? (404, Failure(12106, "organization not found"))
                    : (200, Success(new JsonObject { ["name"] = "Household", ["auth_domain"] = AuthDomain })),
                _ => (404, Failure(7003, "Could not route to " + path + ", perhaps your object identifier is invalid?")),
            };
        }
    }

    private static string? GroupOf(string[] segments) => segments switch
    {
        ["accounts", _, "cfd_tunnel", ..] => "Tunnel",
        ["zones", _, "dns_records", ..] => "DNS",
        ["zones", ..] => "Zone",
        ["accounts", _, "access", "organizations", ..] => "Organizations",
        ["accounts", _, "access", ..] => "Access",
        _ => null,
    };

    private (int, JsonObject) Page(HttpContext context, IEnumerable<JsonObject> items)
    {
        var all = items.ToList();
        var page = int.TryParse(context.Request.Query["page"], out var askedPage) && askedPage > 0 ? askedPage : 1;
        var perPage = int.TryParse(context.Request.Query["per_page"], out var askedSize) && askedSize > 0 ? askedSize : 20;
        perPage = Math.Min(perPage, MaxPageSize);
        var slice = all.Skip((page - 1) * perPage).Take(perPage).Select(item => item.DeepClone()).ToArray();
        var info = new JsonObject
        {
            ["page"] = page,
            ["per_page"] = perPage,
            ["count"] = slice.Length,
            ["total_count"] = all.Count,
            ["total_pages"] = Math.Max(1, (all.Count + perPage - 1) / perPage),
        };
        return (200, Success(new JsonArray(slice), info));
    }

    private (int, JsonObject) GetTunnelConfig() => (200, Success(new JsonObject
    {
        ["account_id"] = AccountId,
        ["tunnel_id"] = TunnelId,
        ["version"] = TunnelConfig is null ? 0 : 1,
        ["source"] = "cloudflare",
        ["config"] = TunnelConfig?.DeepClone(),
    }));

    private (int, JsonObject) PutTunnelConfig(JsonNode? body)
    {
        if (body?["config"]?["ingress"] is not JsonArray { Count: > 0 } ingress)
        {
            return (400, Failure(1056, "Bad Configuration: ingress must have at least one rule"));
        }

        if (ingress[^1]?["hostname"] is not null)
        {
            return (400, Failure(1056, "Bad Configuration: the last ingress rule must match all URLs"));
        }

        TunnelConfig = body["config"]!.DeepClone().AsObject();
        return GetTunnelConfig();
    }

    private (int, JsonObject) CreateRecord(JsonObject body)
    {
        var name = (string?)body["name"];
        if (DnsRecords.Any(record => string.Equals((string?)record["name"], name, StringComparison.OrdinalIgnoreCase)))
        {
            return (400, Failure(81053, "An A, AAAA, or CNAME record with that host already exists."));
        }

        var record = (JsonObject)body.DeepClone();
        record["id"] = NextId();
        record["zone_id"] = ZoneId;
        record["zone_name"] = ZoneName;
        DnsRecords.Add(record);
        return (200, Success(record.DeepClone()));
    }

    private (int, JsonObject) PatchRecord(string id, JsonObject body)
    {
        var record = DnsRecords.FirstOrDefault(candidate => (string?)candidate["id"] == id);
        if (record is null)
        {
            return (404, Failure(81044, "Record does not exist."));
        }

        foreach (var (name, value) in body)
        {
            record[name] = value?.DeepClone();
        }

        return (200, Success(record.DeepClone()));
    }

    private static (int, JsonObject) Delete(List<JsonObject> items, string id)
    {
        var removed = items.RemoveAll(item => (string?)item["id"] == id);
        return removed == 0
            ? (404, Failure(7003, "Could not find object " + id))
            : (200, Success(new JsonObject { ["id"] = id }));
    }

    private (int, JsonObject) SaveApplication(string? id, JsonObject body)
    {
        var domain = (string?)body["domain"] ?? string.Empty;
        if (RejectedApplicationDomains.Contains(domain))
        {
            return (400, Failure(12130, "access.api.error.invalid_request: domain " + domain + " is not allowed"));
        }

        foreach (var tag in body["tags"]?.AsArray() ?? [])
        {
            if (!Tags.Contains((string?)tag ?? string.Empty))
            {
                return (400, Failure(12130, "access.api.error.invalid_request: tag " + tag + " does not exist"));
            }
        }

        var policies = new JsonArray();
        foreach (var link in body["policies"]?.AsArray() ?? [])
        {
            var policyId = link is JsonObject linkObject ? (string?)linkObject["id"] : (string?)link;
            var policy = Policies.FirstOrDefault(candidate => (string?)candidate["id"] == policyId);
            if (policy is null)
            {
                return (400, Failure(12130, "access.api.error.invalid_request: policy " + policyId + " does not exist"));
            }

            var expanded = (JsonObject)policy.DeepClone();
            expanded["precedence"] = link?["precedence"]?.DeepClone() ?? 1;
            policies.Add(expanded);
        }

        var application = (JsonObject)body.DeepClone();
        application["policies"] = policies;
        if (id is null)
        {
            application["id"] = Guid.NewGuid().ToString();
            application["aud"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            Applications.Add(application);
        }
        else
        {
            var existing = Applications.FirstOrDefault(candidate => (string?)candidate["id"] == id);
            if (existing is null)
            {
                return (404, Failure(12104, "access.api.error.not_found: application not found"));
            }

            application["id"] = id;
            application["aud"] = existing["aud"]!.DeepClone();
            Applications[Applications.IndexOf(existing)] = application;
        }

        return (200, Success(application.DeepClone()));
    }

    private (int, JsonObject) SavePolicy(string? id, JsonObject body)
    {
        var policy = (JsonObject)body.DeepClone();
        policy["reusable"] = true;
        if (id is null)
        {
            policy["id"] = Guid.NewGuid().ToString();
            Policies.Add(policy);
        }
        else
        {
            var index = Policies.FindIndex(candidate => (string?)candidate["id"] == id);
            if (index < 0)
            {
                return (404, Failure(12104, "access.api.error.not_found: policy not found"));
            }

            policy["id"] = id;
            Policies[index] = policy;
        }

        return (200, Success(policy.DeepClone()));
    }

    private (int, JsonObject) CreateTag(JsonObject body)
    {
        var name = (string?)body["name"] ?? string.Empty;
        if (Tags.Contains(name))
        {
            return (400, Failure(12130, "access.api.error.conflict: tag already exists"));
        }

        Tags.Add(name);
        return (200, Success(new JsonObject { ["name"] = name }));
    }
}
