package org.griddesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/// Every refusal key the account code uses has its words in Chinese and in English.
class AccountTextsTest {
    private static final Pattern KEY = Pattern.compile(
            "\"((?:signIn|session|password|admin|account|roles|policy|totp|init|token)\\.[A-Za-z.]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryKeyTheCodeUses() throws IOException {
        Properties zh = load("/i18n/security.properties");
        Properties en = load("/i18n/security_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());

        Set<String> used = new TreeSet<>();
        for (String folder : new String[] {"src/main/java/org/griddesk/security", "src/main/java/org/griddesk/store/security"}) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    Matcher m = KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        used.removeIf(k -> k.equals("password.mustChange.")); // completed with the reason
        used.add("password.mustChange.firstSignIn");
        used.add("password.mustChange.reset");
        assertThat(used).hasSizeGreaterThan(20);
        assertThat(zh.stringPropertyNames()).containsAll(used);
    }

    @Test
    void refusalsReadInChineseFirstAndInEnglishWhenAsked() {
        AccountRefused refused = new AccountRefused("account.unknown", "wang");
        assertThat(new AccountTexts(Locale.SIMPLIFIED_CHINESE).of(refused)).isEqualTo("没有名为“wang”的账号。");
        assertThat(new AccountTexts(Locale.ENGLISH).of(refused)).isEqualTo("There is no account named \"wang\".");
        assertThat(new AccountTexts(Locale.ENGLISH).of(new SignInResult.Refused("signIn.lockedNow", 15)))
                .isEqualTo("Too many failed sign-ins: the account is locked for 15 minutes.");
        assertThat(new AccountTexts(Locale.SIMPLIFIED_CHINESE).text("role.SECURITY_ADMIN")).isEqualTo("安全管理员");
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AccountTextsTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
