package org.mandate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The message bundles as a reader meets them: every key in the four languages, and every placeholder
 * filled. MessageFormat reads a single apostrophe as a quote, so "Quelqu'un … {0}" would print without
 * its placeholders: a message with placeholders doubles its apostrophes, one without keeps them single
 * (Spring hands it over unparsed).
 */
class MessageBundleTests {

    static final List<String> LANGUAGES = List.of("vi", "fr", "ru");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    record Bundle(String name, String language, Properties messages) {}

    static List<Bundle> bundles() throws IOException {
        List<Bundle> out = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            String file = r.getFilename();
            String stem = file.substring(0, file.length() - ".properties".length());
            int underscore = stem.indexOf('_');
            Properties p = new Properties();
            try (Reader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
                p.load(in);
            }
            out.add(new Bundle(
                    underscore < 0 ? stem : stem.substring(0, underscore),
                    underscore < 0 ? "en" : stem.substring(underscore + 1),
                    p));
        }
        return out;
    }

    @Test
    void everyKeyIsSaidInEveryLanguage() throws IOException {
        List<Bundle> all = bundles();
        List<String> missing = new ArrayList<>();
        for (Bundle base : all.stream().filter(b -> b.language().equals("en")).toList()) {
            for (String language : LANGUAGES) {
                Properties other = all.stream()
                        .filter(b ->
                                b.name().equals(base.name()) && b.language().equals(language))
                        .findFirst()
                        .map(Bundle::messages)
                        .orElseGet(Properties::new);
                for (String key : new TreeSet<>(base.messages().stringPropertyNames())) {
                    if (!other.containsKey(key)) {
                        missing.add(base.name() + "_" + language + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void apostrophesNeverSwallowAPlaceholder() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Bundle b : bundles()) {
            for (String key : b.messages().stringPropertyNames()) {
                String text = b.messages().getProperty(key);
                boolean placeholders = PLACEHOLDER.matcher(text).find();
                if (placeholders && LONE_APOSTROPHE.matcher(text).find()) {
                    wrong.add(
                            b.name() + "_" + b.language() + " " + key + ": a single ' in a message with placeholders");
                }
                if (!placeholders && text.contains("''")) {
                    wrong.add(b.name() + "_" + b.language() + " " + key + ": '' in a message without placeholders");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyPlaceholderIsFilledAndEveryApostropheShown() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Bundle b : bundles()) {
            Locale locale = Locale.forLanguageTag(b.language());
            for (String key : b.messages().stringPropertyNames()) {
                String text = b.messages().getProperty(key);
                Matcher m = PLACEHOLDER.matcher(text);
                int args = 0;
                while (m.find()) {
                    args = Math.max(args, Integer.parseInt(m.group(1)) + 1);
                }
                if (args == 0) {
                    continue;
                }
                Object[] values = new Object[args];
                for (int i = 0; i < args; i++) {
                    values[i] = "«" + i + "»";
                }
                String shown;
                try {
                    shown = new MessageFormat(text, locale).format(values);
                } catch (IllegalArgumentException e) {
                    wrong.add(b.name() + "_" + b.language() + " " + key + ": " + e.getMessage());
                    continue;
                }
                for (int i = 0; i < args; i++) {
                    if (text.matches("(?s).*\\{" + i + "[},].*")
                            && !text.contains("{" + i + ",number")
                            && !text.contains("{" + i + ",choice")
                            && !shown.contains("«" + i + "»")) {
                        wrong.add(b.name() + "_" + b.language() + " " + key + ": {" + i + "} not shown in " + shown);
                    }
                }
                long apostrophes = text.chars().filter(c -> c == '\'').count() / 2;
                if (shown.chars().filter(c -> c == '\'').count() != apostrophes) {
                    wrong.add(b.name() + "_" + b.language() + " " + key + ": apostrophes lost in " + shown);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void springShowsTheFrenchStaleVersionMessageWhole() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        assertThat(source.getMessage("error.staleVersion", new Object[] {3, 4}, Locale.FRENCH))
                .startsWith("Quelqu'un a modifié")
                .contains("votre version 3", "version actuelle 4");
        assertThat(source.getMessage("error.unknownField", null, Locale.FRENCH)).startsWith("n'est pas");
    }
}
