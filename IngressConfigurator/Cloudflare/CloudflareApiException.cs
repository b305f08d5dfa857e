using System.Net;

namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// A Cloudflare API call that failed, with Cloudflare's own error codes and messages.
/// </summary>
public sealed class CloudflareApiException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="CloudflareApiException"/> class.</summary>
    public CloudflareApiException()
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance of the <see cref="CloudflareApiException"/> class.</summary>
    /// <param name="message">The message.</param>
    public CloudflareApiException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance of the <see cref="CloudflareApiException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CloudflareApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance of the <see cref="CloudflareApiException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status, when a response arrived.</param>
    /// <param name="errors">The envelope's errors.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CloudflareApiException(
        string message,
        HttpStatusCode? statusCode,
        IReadOnlyList<CloudflareApiError> errors,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Errors = errors;
    }

    /// <summary>Gets the HTTP status, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Gets the errors Cloudflare reported.</summary>
    public IReadOnlyList<CloudflareApiError> Errors { get; }

    /// <summary>Gets a value indicating whether the token lacks a permission for the call.</summary>
    public bool IsPermissionDenied => StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;
}
