using System.Collections.Immutable;
using System.Globalization;
using System.Xml.Linq;
using SynapseToBal.IR;
using SynapseToBal.Syntax;

namespace SynapseToBal.Lowering;

/// <summary>
/// What ThrottleFactory.createMediatorThrottle makes of a throttle policy: the limits (<see cref="Policy"/>), no
/// throttle at all (<see cref="None"/>: the policy holds no throttle assertion the mediator reads, so every message is
/// accepted), or a reason it is not translated (<see cref="Problem"/>: the Micro Integrator rejects the policy, or it
/// uses a form this reader does not follow).
/// </summary>
internal sealed record ThrottlePolicyReading(ThrottlePolicyIr? Policy, bool None, string? Problem);

/// <summary>
/// Reads a WS-Policy throttle policy as the Synapse throttle core does: a <c>wsp:Policy</c> whose first
/// <c>throttle:MediatorThrottleAssertion</c> (ThrottleFactory.buildThrottle) or <c>throttle:ThrottleAssertion</c>
/// (ThrottlePolicyProcessor, the older form) gives <c>MaximumConcurrentAccess</c> and the caller entries: an
/// <c>ID</c> of type IP or DOMAIN with Allow, Deny or Control (MaximumCount, UnitTime, ProhibitTimePeriod), or in the
/// older form <c>IsAllow</c> or the three limits.
/// </summary>
internal static class ThrottlePolicyReader
{
    internal const string ThrottleNamespace = "http://www.wso2.org/products/wso2commons/throttle";
    private static readonly string[] PolicyNamespaces = ["http://schemas.xmlsoap.org/ws/2004/09/policy", "http://www.w3.org/ns/ws-policy"];

    private static XName T(string local) => XName.Get(local, ThrottleNamespace);

    private static bool IsWsp(XElement element, string local) => element.Name.LocalName == local && PolicyNamespaces.Contains(element.Name.NamespaceName);

    public static ThrottlePolicyReading Read(string policyXml)
    {
        XElement root;
        try
        {
            root = XmlSource.ParseText(policyXml).Root!;
        }
        catch (System.Xml.XmlException e)
        {
            return Problem($"the policy is not well-formed XML ({e.Message})");
        }

        if (!IsWsp(root, "Policy"))
        {
            return Problem($"the policy's root is <{root.Name.LocalName}>, not a wsp:Policy");
        }

        if (root.Elements().Any(e => IsWsp(e, "ExactlyOne") || IsWsp(e, "All") || IsWsp(e, "PolicyReference")))
        {
            return Problem("the policy nests its assertion in policy alternatives, which this translation does not normalize");
        }

        foreach (var assertion in root.Elements())
        {
            if (assertion.Name == T("ThrottleAssertion"))
            {
                return Guard(() => ReadOlder(assertion));
            }

            if (assertion.Name == T("MediatorThrottleAssertion"))
            {
                return Guard(() => ReadMediator(assertion));
            }
        }

        return new ThrottlePolicyReading(null, true, null);
    }

    private static ThrottlePolicyReading Problem(string reason) => new(null, false, reason);

    private static ThrottlePolicyReading Guard(Func<ThrottlePolicyIr> read)
    {
        try
        {
            return new ThrottlePolicyReading(read(), false, null);
        }
        catch (PolicyException e)
        {
            return Problem(e.Message);
        }
    }

    private sealed class PolicyException(string message) : Exception(message);

    private sealed class Builder
    {
        public int MaxConcurrent { get; set; }

        public Dictionary<string, ThrottleCallerIr> Ip { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ThrottleCallerIr> Domain { get; } = new(StringComparer.Ordinal);

        public List<string> IpOrder { get; } = [];

        public List<string> DomainOrder { get; } = [];

        /// <summary>Adds an entry as addCallerConfiguration does: keyed by its ID (an IP range's first address), a later one replacing an earlier.</summary>
        public void Add(bool ip, string id, ThrottleAccess access, int maxCount, long unitTime, long prohibitTime)
        {
            string? rangeEnd = null;
            var key = id.Trim();
            if (ip)
            {
                // IPBaseCallerConfiguration.setID: "first-last" or one address; any other form is dropped.
                var parts = key.Split('-').ToList();
                while (parts.Count > 0 && parts[^1].Length == 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                if (parts.Count is not (1 or 2))
                {
                    return;
                }

                key = parts[0].Trim();
                rangeEnd = parts.Count == 2 ? parts[1] : null;
            }

            if (access == ThrottleAccess.Control && unitTime <= 0)
            {
                throw new PolicyException($"the caller '{key}' has no UnitTime: the Micro Integrator fails every message it controls ('Invalid Throttle Configuration')");
            }

            var entry = new ThrottleCallerIr(key, rangeEnd, access, maxCount, unitTime, prohibitTime);
            var map = ip ? Ip : Domain;
            if (!map.ContainsKey(key))
            {
                (ip ? IpOrder : DomainOrder).Add(key);
            }

            map[key] = entry;
        }

        public ThrottlePolicyIr Build() => new(
            MaxConcurrent,
            [.. IpOrder.Select(k => Ip[k])],
            [.. DomainOrder.Select(k => Domain[k])]);
    }

    /// <summary>
    /// A caller entry of either policy form: its ID element and the last policy wrapper named <paramref name="rules"/>
    /// (the newer form's wsp:Policy, the older form's wsp:ExactlyOne); the other policy wrappers are skipped.
    /// </summary>
    private static (XElement? Id, XElement? Rules) CallerEntry(XElement entry, string rules)
    {
        XElement? id = null;
        XElement? found = null;
        foreach (var child in entry.Elements())
        {
            if (IsWsp(child, rules))
            {
                found = child;
            }
            else if (!IsWsp(child, "Policy") && !IsWsp(child, "ExactlyOne") && !IsWsp(child, "All"))
            {
                id = child;
            }
        }

        return (id, found);
    }

    /// <summary>ThrottleFactory.buildThrottle over a MediatorThrottleAssertion.</summary>
    private static ThrottlePolicyIr ReadMediator(XElement assertion)
    {
        var builder = new Builder();
        foreach (var component in assertion.Elements())
        {
            if (IsWsp(component, "Policy"))
            {
                var (id, policy) = CallerEntry(component, "Policy");

                if (id is null)
                {
                    continue;
                }

                var ip = CallerType(id);
                if (policy is null || ip is null)
                {
                    // No rules for the caller (or a ROLE entry, which the mediator never consults): not added.
                    continue;
                }

                ReadRules(builder, ip.Value, id.Value, policy);
            }
            else if (IsWsp(component, "ExactlyOne") || IsWsp(component, "All"))
            {
                throw new PolicyException("the assertion nests policy alternatives, which this translation does not normalize");
            }
            else if (component.Name.LocalName == "MaximumConcurrentAccess")
            {
                builder.MaxConcurrent = ConcurrencyLimit(component.Value);
            }
            else
            {
                throw new PolicyException($"unexpected policy element <{component.Name.LocalName}>: the Micro Integrator rejects the policy");
            }
        }

        return builder.Build();
    }

    /// <summary>fillCallerConfiguration: Allow, Deny, or Control with its limits in a nested wsp:Policy.</summary>
    private static void ReadRules(Builder builder, bool ip, string id, XElement policy)
    {
        foreach (var rule in policy.Elements())
        {
            switch (rule.Name.LocalName)
            {
                case "Allow":
                    builder.Add(ip, id, ThrottleAccess.Allow, 0, 0, 0);
                    break;
                case "Deny":
                    builder.Add(ip, id, ThrottleAccess.Deny, 0, 0, 0);
                    break;
                case "Control":
                    var limits = rule.Elements().ToList();
                    if (limits.Count == 0 || limits.Any(l => !IsWsp(l, "Policy")))
                    {
                        throw new PolicyException("a Control assertion must hold a wsp:Policy: the Micro Integrator rejects the policy");
                    }

                    AddLimits(builder, ip, id, limits.SelectMany(l => l.Elements()), requireBoth: false);
                    break;
                default:
                    throw new PolicyException($"unexpected caller rule <{rule.Name.LocalName}>: the Micro Integrator rejects the policy");
            }
        }
    }

    /// <summary>ThrottlePolicyProcessor.processPolicy over the older ThrottleAssertion.</summary>
    private static ThrottlePolicyIr ReadOlder(XElement assertion)
    {
        var builder = new Builder();
        foreach (var component in assertion.Elements())
        {
            if (IsWsp(component, "All"))
            {
                var (id, choice) = CallerEntry(component, "ExactlyOne");

                if (id is null)
                {
                    throw new PolicyException("a caller entry has no ID: the Micro Integrator rejects the policy");
                }

                var ip = CallerType(id) ?? throw new PolicyException("a ROLE caller is not read by the throttle mediator's older policy form: the Micro Integrator rejects the policy");
                var first = choice?.Elements().FirstOrDefault();
                if (first is null)
                {
                    throw new PolicyException($"the caller '{id.Value.Trim()}' has no limits: the Micro Integrator rejects the policy");
                }

                if (IsWsp(first, "All"))
                {
                    AddLimits(builder, ip, id.Value, first.Elements(), requireBoth: true);
                }
                else if (first.Name.LocalName == "IsAllow" && first.Value is "true" or "false")
                {
                    builder.Add(ip, id.Value, first.Value == "true" ? ThrottleAccess.Allow : ThrottleAccess.Deny, 0, 0, 0);
                }
                else
                {
                    throw new PolicyException($"unexpected caller rule <{first.Name.LocalName}>: the Micro Integrator rejects the policy");
                }
            }
            else if (IsWsp(component, "ExactlyOne") || IsWsp(component, "Policy"))
            {
                throw new PolicyException("the assertion nests policy alternatives, which this translation does not normalize");
            }
            else if (component.Name.LocalName == "MaximumConcurrentAccess")
            {
                builder.MaxConcurrent = ConcurrencyLimit(component.Value);
            }
            else
            {
                throw new PolicyException($"unexpected policy element <{component.Name.LocalName}>: the Micro Integrator rejects the policy");
            }
        }

        return builder.Build();
    }

    /// <summary>True for an IP entry, false for a DOMAIN one, null for ROLE; any other type fails as ThrottleFactory does.</summary>
    private static bool? CallerType(XElement id)
    {
        if (id.Name.LocalName != "ID" || id.Value.Length == 0)
        {
            throw new PolicyException($"a caller entry must be a non-empty ID, not <{id.Name.LocalName}>: the Micro Integrator rejects the policy");
        }

        return (string?)id.Attribute(T("type")) switch
        {
            "IP" => true,
            "DOMAIN" => false,
            "ROLE" => null,
            var other => throw new PolicyException($"the caller type '{other}' is not IP or DOMAIN: the Micro Integrator rejects the policy"),
        };
    }

    /// <summary>MaximumCount, UnitTime and ProhibitTimePeriod; a MaximumCount that is not a number allows the caller fully.</summary>
    private static void AddLimits(Builder builder, bool ip, string id, IEnumerable<XElement> limits, bool requireBoth)
    {
        int? maxCount = null;
        long? unitTime = null;
        long prohibit = 0;
        var access = ThrottleAccess.Control;
        foreach (var limit in limits)
        {
            var text = limit.Value;
            var name = limit.Name.LocalName;
            if (text.Length == 0)
            {
                if (name != "ProhibitTimePeriod")
                {
                    throw new PolicyException($"<{name}> has no value: the Micro Integrator rejects the policy");
                }

                continue;
            }

            if (text.TrimStart().StartsWith('$'))
            {
                throw new PolicyException($"<{name}> '{text.Trim()}' is resolved at run time (a $SYSTEM or $FILE value), which this translation does not read");
            }

            switch (name)
            {
                case "MaximumCount":
                    if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
                    {
                        maxCount = count;
                    }
                    else
                    {
                        maxCount = 0;
                        access = ThrottleAccess.Allow;
                    }

                    break;
                case "UnitTime":
                    unitTime = long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var unit) ? unit : 0;
                    if (unitTime == 0)
                    {
                        throw new PolicyException("UnitTime is missing or 0: the Micro Integrator rejects the policy");
                    }

                    break;
                case "ProhibitTimePeriod":
                    prohibit = long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var period) ? period : 0;
                    break;
                default:
                    throw new PolicyException($"unexpected limit <{name}>: the Micro Integrator rejects the policy");
            }
        }

        if (requireBoth ? maxCount is null || unitTime is null : maxCount is null && unitTime is null)
        {
            throw new PolicyException("MaximumCount and UnitTime are mandatory: the Micro Integrator rejects the policy");
        }

        if (access == ThrottleAccess.Control && (maxCount < 0 || prohibit < 0))
        {
            throw new PolicyException("a negative MaximumCount or ProhibitTimePeriod: the Micro Integrator fails every message it controls ('Invalid Throttle Configuration')");
        }

        builder.Add(ip, id, access, maxCount ?? 0, access == ThrottleAccess.Control ? unitTime ?? 0 : 0, prohibit);
    }

    /// <summary>MaximumConcurrentAccess: a positive number limits, anything else (logged by Synapse) does not.</summary>
    private static int ConcurrencyLimit(string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? limit : 0;

    /// <summary>The policy in words, for comments and messages.</summary>
    public static string Describe(ThrottlePolicyIr policy)
    {
        var parts = new List<string>();
        if (policy.MaxConcurrent > 0)
        {
            parts.Add($"at most {policy.MaxConcurrent} concurrent requests");
        }

        foreach (var (type, caller) in policy.DomainCallers.Select(c => ("DOMAIN", c)).Concat(policy.IpCallers.Select(c => ("IP", c))))
        {
            var id = caller.RangeEnd is { } end ? $"{caller.Id}-{end.Trim()}" : caller.Id;
            parts.Add(caller.Access switch
            {
                ThrottleAccess.Allow => $"{type} {id} always allowed",
                ThrottleAccess.Deny => $"{type} {id} always denied",
                _ => $"{type} {id}: {caller.MaxCount} requests per {caller.UnitTime} ms" + (caller.ProhibitTime > 0 ? $", then prohibited for {caller.ProhibitTime} ms" : string.Empty),
            });
        }

        return parts.Count == 0 ? "no limits" : string.Join("; ", parts);
    }
}
