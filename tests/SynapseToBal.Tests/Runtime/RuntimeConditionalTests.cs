using System.Text.RegularExpressions;
using SynapseToBal.Emit;
using Xunit;

namespace SynapseToBal.Tests.Runtime;

/// <summary>
/// Conditional declarations of the runtime module (a <c>// Kept only with: ...</c> line before them): a helper that
/// only sets state others read is left out, with its calls, of a package that reads none of it (issue 14: no helper
/// the package does not use).
/// </summary>
public sealed class RuntimeConditionalTests
{
    private const string Sample = """
        function caller(Context ctx) {
            note(ctx);
            other();
        }

        // Kept only with: reader, ctx.seen
        function note(Context ctx) {
            ctx.seen = helper();
        }

        function helper() returns int => 1;

        function reader(Context ctx) returns int => ctx.seen;

        function other() {
        }
        """;

    private static RuntimeModule Module => RuntimeModule.For(Sample, "type Context record {| int seen = 0; |};");

    [Fact]
    public void A_package_that_reads_nothing_it_sets_gets_neither_it_nor_its_call()
    {
        var support = Module.Support(["caller(ctx);"])!;
        Assert.Equal(["caller", "other"], RuntimeModule.DeclarationNames(support));
        Assert.Contains("function caller(Context ctx) {\n    other();\n}", support, StringComparison.Ordinal);
        Assert.DoesNotContain("note", support, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kept_reader_or_a_read_of_the_field_keeps_it_with_its_call()
    {
        foreach (var file in new[] { "caller(ctx); int n = reader(ctx);", "caller(ctx); int n = ctx.seen;" })
        {
            var support = Module.Support([file])!;
            Assert.Contains("note", RuntimeModule.DeclarationNames(support));
            Assert.Contains("helper", RuntimeModule.DeclarationNames(support));
            Assert.Contains("function caller(Context ctx) {\n    note(ctx);\n    other();\n}", support, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void It_is_not_kept_where_nothing_calls_it()
    {
        Assert.Equal(["reader"], RuntimeModule.DeclarationNames(Module.Support(["int n = reader(ctx);"])!));
        Assert.Null(Module.Support(["int n = ctx.seen;"]));
        // Named by the package itself, it is kept as any declaration is.
        Assert.Equal(["note", "helper"], RuntimeModule.DeclarationNames(Module.Support(["note(ctx);"])!));
    }

    [Fact]
    public void Keeping_everything_keeps_it_and_its_calls()
    {
        var module = Module;
        // The header, the blank line after the (here no) imports, then the source as written.
        Assert.Equal(RuntimeModule.SupportHeader + "\n\n" + Sample.TrimEnd() + "\n", module.Support(module.DeclaredNames.ToHashSet(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("function f(Context ctx) returns int {\n    int n = note(ctx);\n    return n;\n}\n")]
    [InlineData("function f(Context ctx) {\n    if true { note(ctx); }\n}\n")]
    public void A_use_that_is_not_a_call_on_a_line_of_its_own_is_a_template_error(string use) =>
        Assert.Throws<TemplateException>(() => RuntimeModule.Parse(use + "\n// Kept only with: reader\nfunction note(Context ctx) {\n}\n", "support.bal"));

    [Fact]
    public void A_condition_that_names_no_declaration_is_a_template_error() =>
        Assert.Throws<TemplateException>(() => RuntimeModule.For("function f() {\n    note();\n}\n\n// Kept only with: nothing\nfunction note() {\n}\n", "type Context record {| |};"));

    [Fact]
    public void A_package_without_an_addressing_reader_has_no_addressing_take_over()
    {
        var call = "check callEndpoint(ctx, ep, restPostfix(ctx));";
        var without = RuntimeModule.BuiltIn.Support([call])!;
        Assert.DoesNotContain("takeAddressingTo", without, StringComparison.Ordinal);
        Assert.Contains("parsedPayload", RuntimeModule.DeclarationNames(without));

        foreach (var reader in new[] { "string to = ctx.to;", "string? r = check addressingAddress(ctx, ctx.replyTo);" })
        {
            var with = RuntimeModule.BuiltIn.Support([call, reader])!;
            Assert.Contains("takeAddressingTo", RuntimeModule.DeclarationNames(with));
            Assert.Contains("        takeAddressingTo(ctx, body.parsed);\n", with, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Every helper that reads an addressing field <c>takeAddressingTo</c> sets is one of its conditions, or copies the
    /// field from one context (or saved state) to another: a new reader not added to the conditions fails here.
    /// </summary>
    [Fact]
    public void Every_reader_of_the_addressing_fields_keeps_the_take_over()
    {
        string[] fields = ["to", "replyTo", "faultTo", "wsaAction", "addressingFault"];
        // parsedPayload reads `to` for form data before it runs the take-over, as XFormURLEncodedBuilder reads the To
        // address (its query) while building, before Axis2's AddressingInHandler (and form data has no envelope).
        string[] copies = ["requestState", "restoreRequestState", "branchContext", "adoptMessage", "copyMessage", "restoreMessage", "parsedPayload"];
        var declarations = RuntimeModule.Parse(RuntimeSourceText.Support, "support.bal").Declarations;
        var take = declarations.Single(d => d.Names.Contains("takeAddressingTo"));
        Assert.Equal(fields.Select(f => "ctx." + f).Order(StringComparer.Ordinal), take.Conditions.Where(c => c.StartsWith("ctx.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        // A read of the field through any variable (a write, `x.to = ...`, is none).
        var read = new Regex(@"\b\w+\.(?:" + string.Join('|', fields) + @")\b(?!\s*=[^=>])");
        foreach (var declaration in declarations.Where(d => d != take && !d.Names.IsEmpty))
        {
            var code = string.Join('\n', declaration.Text.Split('\n').Where(l => !l.TrimStart().StartsWith('#') && !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
            if (read.IsMatch(code) && !copies.Contains(declaration.Names[0]))
            {
                Assert.True(take.Conditions.Contains(declaration.Names[0]), $"{declaration.Names[0]} reads an addressing field but is not a condition of takeAddressingTo");
            }
        }
    }

    // Lines kept only with a declaration (`// Only with: State`): a parameter line, and a block with its closing line.
    private const string OptionalSample = """
        function call(Context ctx,
                State? state = (), // Only with: State
                int n = 0) returns int {
            if state is State { // Only with: State
                track(state);
            }
            return n;
        }

        class State {
        }

        function track(State state) {
        }
        """;

    private static RuntimeModule OptionalModule => RuntimeModule.For(OptionalSample, "type Context record {| |};");

    [Fact]
    public void A_package_without_the_declaration_gets_the_function_without_its_optional_lines_nor_what_they_reach()
    {
        var support = OptionalModule.Support(["int n = call(ctx);"])!;
        Assert.Equal(["call"], RuntimeModule.DeclarationNames(support));
        Assert.Contains("function call(Context ctx,\n        int n = 0) returns int {\n    return n;\n}", support, StringComparison.Ordinal);
        Assert.DoesNotContain("State", support, StringComparison.Ordinal);
        Assert.DoesNotContain("track", support, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_that_keeps_the_declaration_gets_the_lines_and_what_they_reach()
    {
        var support = OptionalModule.Support(["int n = call(ctx, state = new State());"])!;
        Assert.Equal(["call", "State", "track"], RuntimeModule.DeclarationNames(support));
        Assert.Equal(RuntimeModule.SupportHeader + "\n\n" + OptionalSample.TrimEnd() + "\n", support);

    }

    [Fact]
    public void A_declaration_the_package_reaches_only_through_the_runtime_does_not_keep_the_lines()
    {
        // `track` keeps State (its parameter's type), but the package's own files do not name State: no state is passed.
        var support = OptionalModule.Support(["int n = call(ctx); track(x);"])!;
        Assert.Equal(["call", "State", "track"], RuntimeModule.DeclarationNames(support));
        Assert.Contains("function call(Context ctx,\n        int n = 0) returns int {\n    return n;\n}", support, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("function f(int? x = (), // Only with: Missing\n        int y = 0) {\n}\n")]
    [InlineData("function f(int x) {\n    if x > 0 { // Only with: g\n        g();\n}\n\nfunction g() {\n}\n")]
    [InlineData("function f(int? x = (), // Only with: g\n        int y = 0) {\n    g();\n}\n\n// Kept only with: h\nfunction g() {\n}\n\nfunction h() {\n}\n")]
    public void An_optional_line_naming_no_plain_declaration_or_a_block_left_open_is_a_template_error(string source) =>
        Assert.Throws<TemplateException>(() => RuntimeModule.Parse(source, "support.bal"));

    [Fact]
    public void The_built_in_call_helpers_keep_their_state_lines_only_where_a_call_passes_a_state()
    {
        var call = "check callEndpoint(ctx, ep, restPostfix(ctx));";
        var without = RuntimeModule.BuiltIn.Support([call])!;
        Assert.DoesNotContain("EndpointState", without, StringComparison.Ordinal);
        Assert.DoesNotContain("endpointCalled", RuntimeModule.DeclarationNames(without));

        // A package that names EndpointState for a group member's state, but passes no state to a call (issue 14: the
        // group-only packages kept endpointReady and endpointCalled, about 45 dead lines).
        var declared = RuntimeModule.BuiltIn.Support([call, "final EndpointState s = new (\"address\", \"E\", {});"])!;
        Assert.DoesNotContain("endpointReady", RuntimeModule.DeclarationNames(declared));
        Assert.DoesNotContain("endpointCalled", RuntimeModule.DeclarationNames(declared));
        Assert.DoesNotContain("if state is EndpointState", declared, StringComparison.Ordinal);
        Assert.DoesNotContain("EndpointState? state", declared, StringComparison.Ordinal);

        var with = RuntimeModule.BuiltIn.Support(["check callEndpoint(ctx, ep, restPostfix(ctx),\n        state = s);", "final EndpointState s = new (\"address\", \"E\", {});"])!;
        Assert.Contains("endpointReady", RuntimeModule.DeclarationNames(with));
        Assert.Contains("endpointCalled", RuntimeModule.DeclarationNames(with));
        Assert.Contains("    if state is EndpointState { // Only with: argument state\n", with, StringComparison.Ordinal);
    }

    // Lines kept only with a named argument (`// Only with: argument state`).
    private const string ArgumentSample = """
        function call(Context ctx,
                State? state = (), // Only with: argument state
                int n = 0) returns int {
            if state is State { // Only with: argument state
                track(state);
            }
            return n;
        }

        class State {
        }

        function track(State state) {
        }
        """;

    [Theory]
    [InlineData("int n = call(ctx, state = s);", true)]
    [InlineData("int n = call(ctx,\n    state=s);", true)]
    [InlineData("int n = call(ctx); State s = new;", false)]
    [InlineData("int n = call(ctx); State state = new;", false)]
    [InlineData("int n = call(ctx); state = x;", false)]
    [InlineData("int n = call(ctx); boolean b = f(state == x);", false)]
    [InlineData("int n = call(ctx); var f = g(state => 1);", false)]
    [InlineData("int n = call(ctx); string s = \"(state = 1)\";", false)]
    [InlineData("int n = call(ctx); int m = r.f(x.state = 1);", false)]
    [InlineData("int n = call(ctx); int m = other(ctx, state = s);", false)]
    [InlineData("int n = call(ctx, f(x), state = s);", true)]
    [InlineData("int n = call(ctx, f(x, state = s));", false)]
    [InlineData("string t = string `${call(ctx, state = s)}`;", true)]
    public void A_line_kept_with_a_named_argument_is_kept_only_where_a_call_passes_it(string package, bool kept)
    {
        var support = RuntimeModule.For(ArgumentSample, "type Context record {| |};").Support([package])!;
        Assert.Equal(kept, support.Contains("// Only with: argument state", StringComparison.Ordinal));
        Assert.Equal(kept, RuntimeModule.DeclarationNames(support).Contains("track"));
    }

    [Theory]
    [InlineData("function f(int? x = (), // Only with: argument \n        int y = 0) {\n}\n")]
    [InlineData("function f(int? x = (), // Only with: argument x y\n        int y = 0) {\n}\n")]
    public void An_optional_line_naming_no_argument_is_a_template_error(string source) =>
        Assert.Throws<TemplateException>(() => RuntimeModule.Parse(source, "support.bal"));
}
