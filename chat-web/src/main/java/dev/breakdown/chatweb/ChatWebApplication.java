package dev.breakdown.chatweb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ChatWebApplication {
    public static void main(String[] args) {
        SpringApplication.run(ChatWebApplication.class, args);
    }
}
