function __guidekit_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __guidekit_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __guidekit_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __guidekit_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __guidekit_parse_tokens -S
    set -l unparsed_tokens (__guidekit_tokens -pc)
    switch $unparsed_tokens[1]
    case 'guidekit'
        __guidekit_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'validate'
            __guidekit_parse_subcommand -r 1 'format=' 'strict' 'schema=' 'references=+' 'o/output=' 'q/quiet' 'version' 'h/help'
        case 'diff'
            __guidekit_parse_subcommand -r 3 'git=' 'format=' 'exit-code' 'ignore-width' 'ignore-whitespace' 'budget=' 'stylesheet=+' 'param=+' 'transform-timeout=' 'o/output=' 'q/quiet' 'version' 'h/help'
        case 'impact'
            __guidekit_parse_subcommand -r 1 'references=+' 'as-of=' 'format=' 'all' 'strict' 'all-editions' 'accept' 'against=' 'clause=+' 'stylesheet=+' 'param=+' 'transform-timeout=' 'o/output=' 'q/quiet' 'version' 'h/help'
        case 'render'
            __guidekit_parse_subcommand 1 'format=' 'width=' 'stylesheet=+' 'param=+' 'transform-timeout=' 'o/output=' 'q/quiet' 'version' 'h/help'
        case 'notice'
            __guidekit_parse_subcommand 1 'against=' 'base-url=' 'format=' 'width=' 'main-changes=' 'stylesheet=+' 'param=+' 'transform-timeout=' 'o/output=' 'q/quiet' 'version' 'h/help'
        case 'publish'
            __guidekit_parse_subcommand 0 'guidelines=' 'references=+' 'out=' 'as-of=' 'width=' 'base-url=' 'title=' 'drafts' 'stylesheet=+' 'param=+' 'transform-timeout=' 'impact-report' 'strict' 'no-wait' 'q/quiet' 'version' 'h/help'
        case 'fmt'
            __guidekit_parse_subcommand -r 1 'check' 'format=' 'o/output=' 'q/quiet' 'version' 'h/help'
        case 'new-edition'
            __guidekit_parse_subcommand 1 'version=' 'issued=' 'guidelines=' 'allow-gap' 'q/quiet' 'version' 'h/help'
        case 'history'
            __guidekit_parse_subcommand 2 'format=' 'guidelines=' 'o/output=' 'q/quiet' 'version' 'h/help'
        case 'show'
            __guidekit_parse_subcommand 1 'as-of=' 'format=' 'width=' 'guidelines=' 'stylesheet=+' 'param=+' 'transform-timeout=' 'o/output=' 'q/quiet' 'version' 'h/help'
        case 'sources'
            __guidekit_parse_subcommand -r 1 'version' 'h/help'
        case 'serve'
            __guidekit_parse_subcommand -r 1 'version' 'h/help'
        case 'link'
            __guidekit_parse_subcommand -r 1 'format=' 'dry-run' 'references=+' 'o/output=' 'q/quiet' 'version' 'h/help'
        case 'import'
            __guidekit_parse_subcommand 1 'guideline=' 'version=' 'supersedes=' 'issued=' 'accept-changes' 'guidelines=' 'references=+' 'o/output=' 'q/quiet' 'version' 'h/help'
        case 'rules'
            __guidekit_parse_subcommand 0 'format=' 'o/output=' 'q/quiet' 'version' 'h/help'
        case 'help'
            __guidekit_parse_subcommand -r 1 'version'
        end
    end
end

function __guidekit_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __guidekit_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __guidekit_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __guidekit_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__guidekit_tokens -p)
    if test -z "$(__guidekit_tokens -t)"
        set -l index (count (__guidekit_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'guidekit' -f
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit" version' -l 'version' -d 'Show the version.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_positional "guidekit" -eq 1' -fa 'validate' -d 'Check guideline files against the schema and the semantic rules.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_positional "guidekit" -eq 1' -fa 'diff' -d 'Compare two editions, unit by unit, with Japanese redlines.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_positional "guidekit" -eq 1' -fa 'impact' -d 'Check every cited law article and security control against newer revisions.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_positional "guidekit" -eq 1' -fa 'render' -d 'Render one guideline edition to HTML or plain text.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_positional "guidekit" -eq 1' -fa 'notice' -d 'Write the publication notice (公表のお知らせ) of an edition.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_positional "guidekit" -eq 1' -fa 'publish' -d 'Publish the site: pages, 新旧対照表, notices, impact report, feed.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_positional "guidekit" -eq 1' -fa 'fmt' -d 'Format guideline XML canonically, so that a git diff shows only real changes.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_positional "guidekit" -eq 1' -fa 'new-edition' -d 'Start a new edition of a guideline from its latest one.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_positional "guidekit" -eq 1' -fa 'history' -d 'Show one clause through every edition of a guideline.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_positional "guidekit" -eq 1' -fa 'show' -d 'Show the edition of a guideline that was in force on a day.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_positional "guidekit" -eq 1' -fa 'sources' -d 'Fetch the laws and controls that guidelines cite into a locked, verifiable store.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_positional "guidekit" -eq 1' -fa 'serve' -d 'Preview the site while editing: pages, 新旧対照表 and diagnostics at the clause, live.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_positional "guidekit" -eq 1' -fa 'link' -d 'Mark up the citations found in the prose as <ref> elements.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_positional "guidekit" -eq 1' -fa 'import' -d 'Import a Word document (.docx) as a guideline edition.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_positional "guidekit" -eq 1' -fa 'rules' -d 'List the rules that validate and impact report under.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_positional "guidekit" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit validate" format' -l 'format' -d 'Output format: FILE:LINE diagnostics, JSON, SARIF 2.1.0 or GitHub annotations.' -rfka 'text json sarif github'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit validate" strict' -l 'strict' -d 'Treat warnings as errors.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit validate" schema' -l 'schema' -d 'Validate any XML against this W3C XML Schema or RELAX NG grammar instead (no semantic rules).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit validate"' -l 'references' -d 'A reference registry folder; check every <ref> against it (repeatable).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit validate" o output' -s 'o' -l 'output' -d 'Write the output to FILE (replaced atomically) instead of standard output.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit validate" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but findings (no summary line).'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit validate" version' -l 'version' -d 'Show the version.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit validate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit diff" git' -l 'git' -d 'Compare every file changed since the git revision BASE with its version at BASE; the arguments are then PATHs (default: guidelines/).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit diff" format' -l 'format' -d 'Output format (table: the 新旧対照表 as HTML; docx: the 新旧対照表 as a Word document; xml: the delta document; github: with --git only; html, table, docx and xml: without it).' -rfka 'text json markdown github html table docx xml'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit diff" exit-code' -l 'exit-code' -d 'Exit with status 1 when the documents differ.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit diff" ignore-width' -l 'ignore-width' -d 'Count full-width and half-width forms as equal (１ = 1, Ａ = A, ｶ = カ).'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit diff" ignore-whitespace' -l 'ignore-whitespace' -d 'Count differences in whitespace as equal.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit diff" budget' -l 'budget' -d 'The most work the inline diffs may take together, in millions of edit-graph steps (default 2000: a few seconds). Units beyond their share get a coarser redline; the report says which.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit diff"' -l 'stylesheet' -d 'Use FILE instead of a bundled stylesheet (FILE, or NAME=FILE to replace the bundled stylesheet NAME; repeatable).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit diff"' -l 'param' -d 'Pass an XSLT parameter to the stylesheets, as a string (repeatable).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit diff" transform-timeout' -l 'transform-timeout' -d 'Stop a stylesheet that runs longer than SECONDS (exit 2).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit diff" o output' -s 'o' -l 'output' -d 'Write the output to FILE (replaced atomically) instead of standard output.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit diff" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but findings (no summary line).'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit diff" version' -l 'version' -d 'Show the version.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit diff" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit impact"' -l 'references' -d 'A reference registry folder (repeatable; default: references/).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit impact" as-of' -l 'as-of' -d 'The day (default: today, Japan time).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit impact" format' -l 'format' -d 'Output format (xml: the report document the markdown and html stylesheets read; with --against: text, json or github).' -rfka 'text json markdown sarif github html xml'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit impact" all' -l 'all' -d 'Also list current references (text format).'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit impact" strict' -l 'strict' -d 'Also fail (exit 1) on unverifiable references: sources not fetched, pins not held.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit impact" all-editions' -l 'all-editions' -d 'With no PATH: check every edition, not only the latest edition of each guideline and the one in force on --as-of.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit impact" accept' -l 'accept' -d 'After review: rewrite the pin (and the provision of renumbered refs, and the 第N条第M項第K号 citation in their text) of the modified and renumbered references to the latest revision, changing no other byte; refs whose text could not be updated are listed.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit impact" against' -l 'against' -d 'Edition check: compare the pins of the edition in PATH with those of this previous edition; flag clauses whose cited provision changed while their text did not.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit impact"' -l 'clause' -d 'With --accept: only the references of this clause id (repeatable).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit impact"' -l 'stylesheet' -d 'Use FILE instead of a bundled stylesheet (FILE, or NAME=FILE to replace the bundled stylesheet NAME; repeatable).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit impact"' -l 'param' -d 'Pass an XSLT parameter to the stylesheets, as a string (repeatable).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit impact" transform-timeout' -l 'transform-timeout' -d 'Stop a stylesheet that runs longer than SECONDS (exit 2).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit impact" o output' -s 'o' -l 'output' -d 'Write the output to FILE (replaced atomically) instead of standard output.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit impact" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but findings (no summary line).'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit impact" version' -l 'version' -d 'Show the version.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit impact" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit render" format' -l 'format' -d 'Output format.' -rfka 'html text docx'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit render" width' -l 'width' -d 'Text width in display columns (a full-width character takes two; 20 to 400).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit render"' -l 'stylesheet' -d 'Use FILE instead of a bundled stylesheet (FILE, or NAME=FILE to replace the bundled stylesheet NAME; repeatable).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit render"' -l 'param' -d 'Pass an XSLT parameter to the stylesheets, as a string (repeatable).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit render" transform-timeout' -l 'transform-timeout' -d 'Stop a stylesheet that runs longer than SECONDS (exit 2).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit render" o output' -s 'o' -l 'output' -d 'Write the output to FILE (replaced atomically) instead of standard output.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit render" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but findings (no summary line).'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit render" version' -l 'version' -d 'Show the version.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit render" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit notice" against' -l 'against' -d 'The previous edition, to summarise the changes (default: the edition NEW supersedes, beside it).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit notice" base-url' -l 'base-url' -d 'Absolute URL the site is published at: the notice\'s links become URL/<guideline-id>/FILE.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit notice" format' -l 'format' -d 'Output format.' -rfka 'html text docx'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit notice" width' -l 'width' -d 'Text width in display columns (a full-width character takes two; 20 to 400).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit notice" main-changes' -l 'main-changes' -d 'How many changed clauses to name.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit notice"' -l 'stylesheet' -d 'Use FILE instead of a bundled stylesheet (FILE, or NAME=FILE to replace the bundled stylesheet NAME; repeatable).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit notice"' -l 'param' -d 'Pass an XSLT parameter to the stylesheets, as a string (repeatable).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit notice" transform-timeout' -l 'transform-timeout' -d 'Stop a stylesheet that runs longer than SECONDS (exit 2).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit notice" o output' -s 'o' -l 'output' -d 'Write the output to FILE (replaced atomically) instead of standard output.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit notice" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but findings (no summary line).'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit notice" version' -l 'version' -d 'Show the version.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit notice" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish" guidelines' -l 'guidelines' -d 'The guidelines folder.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish"' -l 'references' -d 'A reference registry folder (repeatable; default: references/).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish" out' -l 'out' -d 'The output folder.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish" as-of' -l 'as-of' -d 'The day (default: today, Japan time).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish" width' -l 'width' -d 'Text width in display columns (a full-width character takes two; 20 to 400).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish" base-url' -l 'base-url' -d 'Absolute URL the site is served from, for the links of the feed and of the plain-text notices.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish" title' -l 'title' -d 'The site\'s title.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish" drafts' -l 'drafts' -d 'Publish draft editions (status="draft") too, each page marked 案; they are left out by default.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish"' -l 'stylesheet' -d 'Use FILE instead of a bundled stylesheet (FILE, or NAME=FILE to replace the bundled stylesheet NAME; repeatable).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish"' -l 'param' -d 'Pass an XSLT parameter to the stylesheets, as a string (repeatable).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish" transform-timeout' -l 'transform-timeout' -d 'Stop a stylesheet that runs longer than SECONDS (exit 2).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish" impact-report' -l 'impact-report' -d 'Publish the impact report (impact.html, impact.json) too; it lists the file and line of every cited clause.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish" strict' -l 'strict' -d 'Treat warnings of the validation that precedes the publish as errors: refuse to publish.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish" no-wait' -l 'no-wait' -d 'Fail at once (exit 2) when another publish into the same output folder is running, instead of waiting.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish" version' -l 'version' -d 'Show the version.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit publish" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit fmt" check' -l 'check' -d 'Write nothing; list the files that are not formatted and exit 1 if there are any.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit fmt" format' -l 'format' -d 'How the rewritten files are listed: names, JSON or GitHub annotations.' -rfka 'text json github'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit fmt" o output' -s 'o' -l 'output' -d 'Write the output to FILE (replaced atomically) instead of standard output.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit fmt" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but findings (no summary line).'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit fmt" version' -l 'version' -d 'Show the version.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit fmt" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit new-edition" version' -l 'version' -d 'The new edition\'s version (digits and dots, e.g. 6.0).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit new-edition" issued' -l 'issued' -d 'Issue and effective date (default: today).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit new-edition" guidelines' -l 'guidelines' -d 'The guidelines folder.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit new-edition" allow-gap' -l 'allow-gap' -d 'Accept a VERSION whose edition number skips one (7 after 5.0).'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit new-edition" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit new-edition" version' -l 'version' -d 'Show the version.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit new-edition" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit history" format' -l 'format' -d 'Output format.' -rfka 'text json'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit history" guidelines' -l 'guidelines' -d 'The guidelines folder.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit history" o output' -s 'o' -l 'output' -d 'Write the output to FILE (replaced atomically) instead of standard output.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit history" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but findings (no summary line).'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit history" version' -l 'version' -d 'Show the version.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit history" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit show" as-of' -l 'as-of' -d 'The day (default: today, Japan time).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit show" format' -l 'format' -d 'Output format.' -rfka 'html text'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit show" width' -l 'width' -d 'Text width in display columns (a full-width character takes two; 20 to 400).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit show" guidelines' -l 'guidelines' -d 'The guidelines folder.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit show"' -l 'stylesheet' -d 'Use FILE instead of a bundled stylesheet (FILE, or NAME=FILE to replace the bundled stylesheet NAME; repeatable).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit show"' -l 'param' -d 'Pass an XSLT parameter to the stylesheets, as a string (repeatable).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit show" transform-timeout' -l 'transform-timeout' -d 'Stop a stylesheet that runs longer than SECONDS (exit 2).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit show" o output' -s 'o' -l 'output' -d 'Write the output to FILE (replaced atomically) instead of standard output.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit show" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but findings (no summary line).'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit show" version' -l 'version' -d 'Show the version.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit sources" version' -l 'version' -d 'Show the version.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit sources" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit serve" version' -l 'version' -d 'Show the version.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit serve" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit link" format' -l 'format' -d 'text: what was linked (a diff with --dry-run); json: the plan, nothing written.' -rfka 'text json'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit link" dry-run' -l 'dry-run' -d 'Write nothing; print the change as a unified diff.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit link"' -l 'references' -d 'A reference registry folder (repeatable; default: references/).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit link" o output' -s 'o' -l 'output' -d 'Write the output to FILE (replaced atomically) instead of standard output.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit link" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but findings (no summary line).'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit link" version' -l 'version' -d 'Show the version.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit link" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit import" guideline' -l 'guideline' -d 'The guideline\'s id.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit import" version' -l 'version' -d 'The edition\'s version (e.g. 6.0).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit import" supersedes' -l 'supersedes' -d 'The previous edition (a version beside -o FILE or in the guidelines folder, or a file): its ids are kept.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit import" issued' -l 'issued' -d 'Issue and effective date (default: the date the document states, else today).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit import" accept-changes' -l 'accept-changes' -d 'Accept tracked changes (keep insertions, drop deletions) instead of refusing them.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit import" guidelines' -l 'guidelines' -d 'The guidelines folder.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit import"' -l 'references' -d 'A reference registry folder (repeatable; default: references/).' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit import" o output' -s 'o' -l 'output' -d 'Write the output to FILE (replaced atomically) instead of standard output.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit import" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but findings (no summary line).'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit import" version' -l 'version' -d 'Show the version.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit rules" format' -l 'format' -d 'Output format.' -rfka 'text markdown'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit rules" o output' -s 'o' -l 'output' -d 'Write the output to FILE (replaced atomically) instead of standard output.' -rfka ''
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit rules" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but findings (no summary line).'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit rules" version' -l 'version' -d 'Show the version.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit rules" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'guidekit' -n '__guidekit_should_offer_completions_for_flags_or_options "guidekit help" version' -l 'version' -d 'Show the version.'
